import { Agent, request } from 'node:http';
import { envInt, subgraphFetchDuration, subgraphFetches } from '@moukawil/kit/core';

/** A subgraph's answer, as received: the data source parses it (dedupe.ts shares it unparsed), the direct route passes it on. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** The subgraph answered a retried mutation with the answer it stored (header idempotent-replay). */
  replay: boolean;
}

/** Sends one call; `abandoned` aborts it when the client has gone (the subgraph sees the call closed, and stops). */
export type Send = (headers: Record<string, string>, body: string, abandoned?: AbortSignal) => Promise<Answer>;

/** The error of a call that got no answer in time: its name is what the data source reports. */
export class SubgraphTimeout extends Error {
  override name = 'TimeoutError';
}

/**
 * POSTs to one subgraph over pooled keep-alive connections with `node:http`. Node's `fetch`
 * (undici's WHATWG layer) and Apollo's node-fetch request objects cost about a third of the gateway's
 * CPU on a small query; this is the whole of what a subgraph call needs. Sockets per subgraph:
 * GATEWAY_SUBGRAPH_SOCKETS (default 256); an idle one is closed after 30 s, before the subgraph
 * closes it (65 s), so a call never goes out on a socket the subgraph is shutting.
 */
export function subgraphSender(url: string, timeoutMs: number): Send {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, timeout: 30_000, maxSockets: envInt('GATEWAY_SUBGRAPH_SOCKETS', 256, 1), scheduling: 'lifo' });
  return (headers, body, abandoned) =>
    new Promise<Answer>((resolve, reject) => {
      const call = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              contentType: response.headers['content-type'],
              body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
              replay: response.headers['idempotent-replay'] === 'true',
            });
          });
          response.on('error', fail);
          response.on('close', () => response.complete || fail(new Error('the subgraph closed the connection mid-answer')));
        },
      );
      const timer = setTimeout(() => call.destroy(new SubgraphTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
      function fail(error: Error): void {
        clearTimeout(timer);
        reject(error);
      }
      call.on('error', fail);
      abandoned?.addEventListener('abort', () => call.destroy(new Error('the client went away')), { once: true });
      call.end(body);
    });
}

/** Counts each call that goes out to a subgraph (after deduplication: the calls the subgraph sees) and its time. */
export function counted(subgraph: string, send: Send): Send {
  return async (headers, body, abandoned) => {
    const started = performance.now();
    try {
      const answer = await send(headers, body, abandoned);
      subgraphFetches.inc({ subgraph, outcome: `${Math.floor(answer.status / 100)}xx` });
      return answer;
    } catch (error) {
      subgraphFetches.inc({ subgraph, outcome: error instanceof SubgraphTimeout ? 'timeout' : 'unreachable' });
      throw error;
    } finally {
      subgraphFetchDuration.observe({ subgraph }, (performance.now() - started) / 1000);
    }
  };
}
