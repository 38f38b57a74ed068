import pino from 'pino';
import { requestScope } from './request-scope';

/**
 * Readable lines for a person at a terminal, JSON for everything else (log collectors, files,
 * pipes): LOG_FORMAT=pretty|json, by default pretty when standard output is a terminal.
 */
function destination(): pino.DestinationStream | undefined {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format !== 'pretty') return undefined;
  // Loaded only when used: a service logging JSON never loads it. Synchronous, on this thread, so
  // that the last lines before an exit are written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({
    colorize: process.stdout.isTTY,
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
    messageFormat: '{service}: {msg}',
  });
}

/** One structured logger per process; LOG_LEVEL tunes it (silent in tests by default), LOG_FORMAT its form. */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
    base: process.env.SERVICE_NAME ? { service: process.env.SERVICE_NAME } : {},
    // Every line written while serving a request carries its id, in the gateway and in the subgraphs.
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  },
  destination(),
);

export type Logger = typeof log;

/** Names the service in every later log line (called first thing by each entry point). */
export function setServiceName(name: string): void {
  if (process.env.SERVICE_NAME === name) return; // already in the base bindings
  process.env.SERVICE_NAME = name;
  log.setBindings({ service: name });
}
