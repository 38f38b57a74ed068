import { createHash } from 'node:crypto';

/** Headers a gateway sends with a keyed mutation: the client's request fingerprint, and which of its mutation calls to this subgraph this is. */
export const FINGERPRINT_HEADER = 'x-idempotency-fingerprint';
export const PART_HEADER = 'x-idempotency-part';

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
