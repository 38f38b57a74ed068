import type { ApolloServerPlugin } from '@apollo/server';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { countGraphQL, metrics, operationLabel } from '../core/metrics';

/** A subgraph's GraphQL requests in the process's metrics: by operation name and outcome, with their time. */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
          countGraphQL(operationLabel(operationName), (performance.now() - started) / 1000, codes);
        },
      };
    },
  };
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The database pool's connections (in use, idle) and the queries waiting for one, read at each scrape. */
export function poolMetrics(db: DataSource): void {
  const pool = (db.driver as unknown as { master?: PgPool }).master;
  new Gauge({
    name: 'moukawil_db_pool_connections',
    help: "The database pool's connections by state (busy, idle), and the queries waiting for a connection (waiting).",
    labelNames: ['state'] as const,
    registers: [metrics],
    collect() {
      if (!pool) return;
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}
