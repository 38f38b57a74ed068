import { constants as zlibConstants, gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): what a request must look like
 * to be a GraphQL request, and how an answer is written. Refusals carry their HTTP status and a
 * code, and are answered in GraphQL's shape.
 */
export interface GraphQLHttpRequest {
  method: 'GET' | 'POST';
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const refusal = (status: number, code: string, message: string): { refusal: Refusal } => ({ refusal: { status, code, message } });

const JSON_TYPES = /^application\/(json|graphql-response\+json)$/;
/**
 * Browsers send these cross-site without asking the server first (CORS "simple" requests), so a
 * form on another site could make a logged-in browser run a mutation: such a request must say it
 * is a GraphQL client with a header a form cannot set (the names Apollo Server's clients send).
 */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'];
const CSRF = refusal(
  400,
  'BAD_REQUEST',
  'This request has been blocked as a possible cross-site request forgery: send it with Content-Type: application/json, or with a header "graphql-preflight: 1" (GET).',
);

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase();
const preflighted = (req: IncomingMessage) => PREFLIGHT_HEADERS.some((name) => req.headers[name] !== undefined);

/** Reads a GraphQL request from an HTTP request (POST with a JSON body, or GET with parameters), or says why it is none. */
export async function readGraphQLRequest(req: IncomingMessage, maxBytes: number): Promise<{ request: GraphQLHttpRequest } | { refusal: Refusal }> {
  if (req.method === 'GET') {
    if (!preflighted(req) && !JSON_TYPES.test(mediaType(req.headers['content-type']))) return CSRF;
    const params = new URL(req.url ?? '', 'http://gateway').searchParams;
    let variables: unknown;
    try {
      variables = params.has('variables') ? JSON.parse(params.get('variables')!) : {};
    } catch {
      return refusal(400, 'BAD_REQUEST', 'The "variables" parameter is not valid JSON.');
    }
    return asRequest('GET', { query: params.get('query') ?? undefined, variables, operationName: params.get('operationName') });
  }
  if (req.method !== 'POST') return refusal(405, 'BAD_REQUEST', 'Only GET and POST requests are supported.');
  if (!JSON_TYPES.test(mediaType(req.headers['content-type'])))
    return preflighted(req) ? refusal(415, 'BAD_REQUEST', 'The request body must be JSON (Content-Type: application/json).') : CSRF;
  const body = await readBody(req, maxBytes);
  if (body === null) return refusal(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  let parsed: unknown;
  try {
    const text = body.toString('utf8');
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a byte-order mark is tolerated
  } catch {
    return refusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
  if (Array.isArray(parsed)) return refusal(400, 'BAD_REQUEST', 'Operation batching disabled: send one operation per request.');
  if (!parsed || typeof parsed !== 'object' || Object.keys(parsed).length === 0)
    return refusal(400, 'BAD_REQUEST', 'The body must be a JSON object with a "query".');
  return asRequest('POST', parsed as Record<string, unknown>);
}

function asRequest(method: 'GET' | 'POST', body: Record<string, unknown>): { request: GraphQLHttpRequest } | { refusal: Refusal } {
  const { query, variables, operationName, extensions } = body;
  if (query === undefined && (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery) {
    return refusal(400, 'PERSISTED_QUERY_NOT_SUPPORTED', 'Persisted queries are not supported: send the query text.');
  }
  if (query === undefined || query === '') return refusal(400, 'BAD_REQUEST', 'GraphQL operations must contain a non-empty "query".');
  if (typeof query !== 'string') return refusal(400, 'BAD_REQUEST', 'GraphQL queries must be strings.');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
    return refusal(400, 'BAD_REQUEST', '"variables" must be a JSON object.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return refusal(400, 'BAD_REQUEST', '"operationName" must be a string.');
  return { request: { method, query, variables: (variables ?? {}) as Record<string, unknown>, operationName: (operationName ?? null) as string | null } };
}

/** The body, or null when it is longer than `maxBytes` (reading stops there). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > maxBytes) {
      req.resume(); // drained, so that the answer can be read by the client
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The media type of the answer: application/graphql-response+json when the client prefers it,
 * else application/json (what clients written before that type expect, and the spec's default).
 */
export function answerType(accept: string | undefined): string {
  for (const part of (accept ?? '').split(',')) {
    const type = mediaType(part);
    if (type === 'application/graphql-response+json') return 'application/graphql-response+json; charset=utf-8';
    if (type === 'application/json' || type === 'application/*' || type === '*/*') break;
  }
  return 'application/json; charset=utf-8';
}

/** Answers smaller than a packet gain nothing from compression. */
const COMPRESS_FROM_BYTES = 1_400;
/** Whether the client accepts gzip (Accept-Encoding: "gzip", "*", not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Writes an answer (a JSON body) with its length; GraphQL answers are never stored by caches, as
 * they may hold personal data. A browser that accepts gzip gets it (a dashboard's answer of 15 KB
 * is 3 KB, a fifth of a second on a slow 3G link); fastest level, in the thread pool, never on
 * the event loop.
 */
export function writeAnswer(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  const head = { 'cache-control': 'no-store', vary: 'accept-encoding', ...headers };
  if (Buffer.byteLength(body) < COMPRESS_FROM_BYTES || !acceptsGzip(res.req?.headers['accept-encoding'])) {
    res.writeHead(status, { ...head, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  gzip(body, { level: zlibConstants.Z_BEST_SPEED }, (error, zipped) => {
    if (error) {
      res.writeHead(status, { ...head, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    res.writeHead(status, { ...head, 'content-encoding': 'gzip', 'content-length': zipped.length });
    res.end(zipped);
  });
}

/** A body of errors alone, as every refusal is answered. */
export const errorsBody = (errors: Array<{ message: string; extensions: Record<string, unknown> }>) => JSON.stringify({ errors });
