import { envBool, TRACE_HEADER } from '@moukawil/kit';

/**
 * Subgraph request deduplication (what Apollo Router calls `deduplicate_query`): identical
 * subgraph queries in flight at the same moment — same subgraph, same caller's token, same
 * document and variables — go out once, and every waiting request gets its own copy of the
 * answer (parsed separately, so no request ever sees another's objects). Nothing is kept once
 * the answer is in: this is not a cache. Mutations and SQL-traced requests always go out on
 * their own. The followers' subgraph call carries the first request's x-request-id.
 * GATEWAY_DEDUPLICATE=false turns it off.
 */
interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const MUTATION = /"query":"\s*mutation\b/;

export function deduplicating(fetcher: Fetch): Fetch {
  if (!envBool('GATEWAY_DEDUPLICATE', true)) return fetcher;
  const inFlight = new Map<string, Promise<Answer>>();
  return async (input, init) => {
    const headers = new Headers(init.headers);
    const body = init.body;
    if (typeof body !== 'string' || MUTATION.test(body) || headers.has(TRACE_HEADER)) return fetcher(input, init);
    const key = `${input}\n${headers.get('authorization') ?? ''}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(input, init).then(async (response) => ({ status: response.status, contentType: response.headers.get('content-type'), text: await response.text() }));
      inFlight.set(key, shared);
      const forget = () => inFlight.delete(key);
      shared.then(forget, forget);
    }
    const answer = await shared;
    return new Response(answer.text, { status: answer.status, headers: answer.contentType ? { 'content-type': answer.contentType } : {} });
  };
}
