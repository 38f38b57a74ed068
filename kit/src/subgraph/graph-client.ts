import { GraphQLError } from 'graphql';
import { envOptional, servicePort } from '../core/config';
import type { Viewer } from '../core/tokens';

/** The gateway's address, for a subgraph that needs another subgraph's data at write time. */
export function gatewayUrl(): string {
  return envOptional('GATEWAY_URL') ?? `http://127.0.0.1:${servicePort('gateway')}/graphql`;
}

/**
 * Asks the graph, through the gateway and with the caller's own token, so that the owning
 * subgraph applies its access rules to this read as to any other. Errors of the answer come
 * back as they are (FORBIDDEN stays FORBIDDEN); an unreachable graph is an error of its own.
 */
export async function queryGraph<T>(query: string, variables: Record<string, unknown>, viewer: Viewer, timeoutMs = 5_000): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (viewer.token) headers.authorization = `Bearer ${viewer.token}`;
  let body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  try {
    const response = await fetch(gatewayUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(timeoutMs) });
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLError('The register could not be reached to check this request; try again', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  const error = body.errors?.[0];
  if (error) throw new GraphQLError(error.message, { extensions: { code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' } });
  return body.data as T;
}
