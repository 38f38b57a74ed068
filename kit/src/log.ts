import pino from 'pino';

/** One structured JSON logger per process; LOG_LEVEL tunes it (silent in tests by default). */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: process.env.SERVICE_NAME ? { service: process.env.SERVICE_NAME } : {},
});

export type Logger = typeof log;

/** Names the service in every later log line (called first thing by each entry point). */
export function setServiceName(name: string): void {
  if (process.env.SERVICE_NAME === name) return; // already in the base bindings
  process.env.SERVICE_NAME = name;
  log.setBindings({ service: name });
}
