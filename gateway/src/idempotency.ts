import { FINGERPRINT_HEADER, PART_HEADER, requestFingerprint } from '@moukawil/kit/core';
import type { GatewayContext, IdempotentRequest } from './context';

/**
 * The gateway's side of idempotent writes (the subgraphs' side is the kit's request transaction
 * and keys, docs/idempotency.md): a keyed request carries the fingerprint of what the client
 * sent, so that a subgraph refuses the key reused for another request, and each mutation call
 * of its plan to one subgraph is a part of the key of its own.
 */
export function idempotentRequest(key: string, request: { query: string; variables?: unknown; operationName?: unknown }): IdempotentRequest {
  return { key, fingerprint: requestFingerprint(request.query, request.variables, request.operationName), mutationCalls: new Map() };
}

/** The idempotency headers of one call to `subgraph`; a mutation call counts as the next part (a plan may call a.b.a). */
export function idempotencyHeaders(context: GatewayContext | undefined, subgraph: string, mutation: boolean): Record<string, string> {
  const keyed = context?.idempotency;
  if (!keyed) return {};
  const headers: Record<string, string> = { 'idempotency-key': keyed.key, [FINGERPRINT_HEADER]: keyed.fingerprint };
  if (mutation) {
    const part = (keyed.mutationCalls.get(subgraph) ?? 0) + 1;
    keyed.mutationCalls.set(subgraph, part);
    if (part > 1) headers[PART_HEADER] = String(part);
  }
  return headers;
}
