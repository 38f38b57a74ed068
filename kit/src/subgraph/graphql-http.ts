import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext as ApolloContext } from '@apollo/server';
import bodyParser from 'body-parser';
import { log } from '../core/log';
import { requestScope, scopeOf } from '../core/request-scope';
import { bound, maxAnswerBytes } from './request-deadline';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
/** A request's Apollo context, from the request with its parsed body. */
type ContextOf<Ctx> = (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<Ctx>;

/**
 * A subgraph's /graphql on Node's own HTTP server, without Express: the request's scope (its id,
 * echoed), the JSON body read by body-parser (the same 1 MB limit and refusals Express applied), then
 * Apollo Server's `executeHTTPGraphQLRequest`, the integration API its Express middleware calls.
 * The gateway calls a subgraph several times per federated request, and Express's router and
 * response helpers cost about a fifth of a small call's CPU; /health and /metrics stay on Express.
 */
export function graphqlListener<Ctx extends ApolloContext>(apollo: ApolloServer<Ctx>, context: ContextOf<Ctx>): Listener {
  const readJson = bodyParser.json({ limit: '1mb' });
  return (req, res) => {
    const scope = scopeOf(req.headers);
    bound(scope, req.headers, res);
    res.setHeader('x-request-id', scope.requestId);
    res.setHeader('cache-control', 'no-store'); // answers may hold personal data: no cache keeps them
    requestScope.run(scope, () =>
      readJson(req, res, (error?: unknown) => {
        if (error) return refuse(res, error as { type?: string; status?: number });
        answer(apollo, context, req, res).catch((failure: unknown) => refuse(res, failure as { type?: string }));
      }),
    );
  };
}

async function answer<Ctx extends ApolloContext>(
  apollo: ApolloServer<Ctx>,
  context: ContextOf<Ctx>,
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const at = req.url!.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: at < 0 ? '' : req.url!.slice(at), body: req.body },
    context: () => context(req, res),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const body = withinSize(response.body.string);
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** An answer over SUBGRAPH_MAX_ANSWER_BYTES is replaced by an error saying so: no caller is sent, nor makes the gateway hold, more. */
function withinSize(body: string): string {
  const limit = maxAnswerBytes();
  if (body.length <= limit / 3 || Buffer.byteLength(body) <= limit) return body;
  return JSON.stringify({
    errors: [{ message: `The answer is larger than ${limit} bytes: ask for smaller pages or fewer fields.`, extensions: { code: 'ANSWER_TOO_LARGE' } }],
  });
}

/** body-parser's refusals of a body, in GraphQL's shape with their 4xx status. */
const REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
};

/** A refused body (body-parser's 4xx), or a failure nobody expected (logged; a 500 without detail). */
function refuse(res: ServerResponse, error: { type?: string; status?: number }): void {
  const unreadable = error.status !== undefined && error.status >= 400 && error.status < 500;
  const refusal =
    REFUSALS[error.type ?? ''] ?? (unreadable ? { status: error.status!, code: 'BAD_REQUEST', message: 'The request body could not be read.' } : undefined);
  if (!refusal) log.error({ err: error }, 'request failed');
  if (res.headersSent) return void res.destroy();
  const { status, code, message } = refusal ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' };
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
