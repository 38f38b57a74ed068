import { createHash } from 'node:crypto';
import { TRACE_HEADER } from './request-scope';

/** Headers a gateway sends with a keyed mutation: the client's request fingerprint, and which of its mutation calls to this subgraph this is. */
export const FINGERPRINT_HEADER = 'x-idempotency-fingerprint';
export const PART_HEADER = 'x-idempotency-part';
/** How many milliseconds the gateway waits for this answer: the subgraph stops its work by then (its own deadline if shorter). */
export const DEADLINE_HEADER = 'x-moukawil-timeout-ms';

/**
 * Every request header a subgraph reads: whatever engine federates the graph (this gateway, Hive
 * Gateway, Apollo Router) must pass these on. The engines' configurations are tested against this list.
 * The fingerprint, part and deadline headers are computed by this gateway; another engine leaves
 * them out (or passes the client's) and the subgraph fingerprints the request it receives
 * (docs/idempotency.md) and keeps to its own deadline, or to a shorter one the client asked for.
 */
export const SUBGRAPH_REQUEST_HEADERS = [
  'authorization',
  'x-request-id',
  'idempotency-key',
  FINGERPRINT_HEADER,
  PART_HEADER,
  TRACE_HEADER,
  DEADLINE_HEADER,
] as const;

/** Response headers of a subgraph that the client must see: a replayed mutation's mark. */
export const SUBGRAPH_RESPONSE_HEADERS = ['idempotent-replay'] as const;

/**
 * The fingerprint of a client's request: its operation, variables and operation name. A key
 * replays only for the same fingerprint, and keys belong to the caller (token subject), so the
 * caller is part of it too. The gateway computes it from what the client sent and passes it on,
 * so a request sent through the gateway and straight to a subgraph have the same one.
 */
export function requestFingerprint(query: string, variables: unknown, operationName: unknown): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify([typeof operationName === 'string' ? operationName : null, query, sorted(variables ?? {})]))
    .digest('hex');
}
