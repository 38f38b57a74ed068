import cluster from 'node:cluster';
import { log } from '@moukawil/kit/core';

/** The primary of a multi-process gateway: forks the workers, replaces one that dies, stops them all on SIGINT/SIGTERM. */
export function runWorkers(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.warn({ pid: worker.process.pid, code }, 'gateway worker died: starting another');
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  log.info({ workers: count }, 'gateway primary started');
}
