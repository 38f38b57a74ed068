import pino from 'pino';
import { requestScope } from './request-scope';

/** One structured JSON logger per process; LOG_LEVEL tunes it (silent in tests by default). */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: process.env.SERVICE_NAME ? { service: process.env.SERVICE_NAME } : {},
  // Every line written while serving a request carries its id, in the gateway and in the subgraphs.
  mixin: () => {
    const scope = requestScope.getStore();
    return scope ? { requestId: scope.requestId } : {};
  },
});

export type Logger = typeof log;

/** Names the service in every later log line (called first thing by each entry point). */
export function setServiceName(name: string): void {
  if (process.env.SERVICE_NAME === name) return; // already in the base bindings
  process.env.SERVICE_NAME = name;
  log.setBindings({ service: name });
}
