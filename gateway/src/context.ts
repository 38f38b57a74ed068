import type { Viewer } from '@moukawil/kit/core';

/** What the gateway knows about a request while it runs the query plan. */
export interface GatewayContext {
  viewer?: Viewer;
  requestId?: string;
  /** The client's Idempotency-Key and what goes with it to the subgraphs (idempotency.ts). */
  idempotency?: IdempotentRequest;
  /** Set when a subgraph answered a mutation with its stored answer: the client gets `idempotent-replay: true`. */
  replayed?: boolean;
  /** Set when the client asked for `x-moukawil-trace: sql`: per subgraph, the SQL statements it ran and the calls it got. */
  trace?: Trace;
  /** Aborted when the client goes away before its answer: its subgraph calls are closed, and the subgraphs stop. */
  abandoned?: AbortSignal;
}

/** A keyed request: its key, the fingerprint of what the client sent, and the mutation calls made so far per subgraph. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
  mutationCalls: Map<string, number>;
}

/** What `x-moukawil-trace: sql` reports, per subgraph. */
export interface Trace {
  sqlStatements: Record<string, number>;
  subgraphCalls: Record<string, number>;
}
