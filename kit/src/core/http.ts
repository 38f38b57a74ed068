import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { listenHost } from './config';
import { log } from './log';

/** An Express app and the HTTP server around it (created before Apollo, which drains it on stop). */
export function newHttp(): { app: Express; server: Server } {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on res.send: GraphQL answers are POSTs no cache revalidates, and hashing each body cost
  // ≈ 2 % of the gateway's CPU. Static pages keep theirs (express.static has its own).
  app.set('etag', false);
  const server = createServer(app);
  server.keepAliveTimeout = 65_000; // longer than the gateway keeps idle sockets (30 s, subgraph-http.ts)
  return { app, server };
}

/** Listens on `port` (0 picks one) and resolves with the port actually bound. */
export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenHost(), () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Runs `stop` once on SIGINT/SIGTERM, then exits; a second signal or a stop that hangs
 * for `graceMs` exits at once so a supervisor never waits forever. Also logs, rather than dies
 * of, a promise rejection nobody handled.
 */
export function onTermination(stop: () => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => process.exit(1), graceMs).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  // A promise rejected with no handler is a bug to fix (logged as such), not a reason to drop every
  // request in flight: one bad request must not take the service down.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
}
