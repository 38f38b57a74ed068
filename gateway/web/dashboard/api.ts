import { authorizationOf } from './session';

/** The dashboard's only way out: POST to the gateway's /graphql, same origin. */
export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; subgraph?: string; serviceName?: string };
}

export interface Answer<T> {
  data: T | null;
  errors: GraphQLError[];
}

export async function graphql<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = authorizationOf(token);
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLError[] } | null;
  if (!body) throw new Error(`HTTP ${response.status}`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
