import { envBool, subgraphFetchesShared, TRACE_HEADER } from '@moukawil/kit/core';
import type { Answer, Send } from './subgraph-http';

const MUTATION = /"query":"\s*mutation\b/;

/**
 * Subgraph request deduplication (what Apollo Router calls `deduplicate_query`): identical
 * subgraph queries in flight at the same moment — same subgraph, same caller's token, same
 * document and variables — go out once, and every waiting request gets its own copy of the
 * answer (parsed separately, so no request ever sees another's objects). Nothing is kept once
 * the answer is in: this is not a cache. Mutations and SQL-traced requests always go out on
 * their own. The followers' subgraph call carries the first request's x-request-id.
 * GATEWAY_DEDUPLICATE=false turns it off. One wrapper per subgraph's sender, so the subgraph is
 * part of the key.
 */
export function deduplicating(subgraph: string, send: Send): Send {
  if (!envBool('GATEWAY_DEDUPLICATE', true)) return send;
  const inFlight = new Map<string, Promise<Answer>>();
  return (headers, body, abandoned) => {
    if (MUTATION.test(body) || headers[TRACE_HEADER]) return send(headers, body, abandoned);
    const key = `${headers.authorization ?? ''}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      // A shared call may have followers whose clients are still there: it is not aborted for one client.
      shared = send(headers, body);
      inFlight.set(key, shared);
      const forget = () => inFlight.delete(key);
      shared.then(forget, forget);
    } else subgraphFetchesShared.inc({ subgraph });
    return shared;
  };
}
