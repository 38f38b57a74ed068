import { createHmac } from 'node:crypto';
import { Client } from 'pg';

/** What tests share: the running stack's addresses and tokens (from global-setup.js), and a GraphQL client. */

export type ServiceName = 'gateway' | 'regions' | 'registry' | 'programs' | 'indicators';
export type TokenName = 'NATIONAL' | 'REGIONAL_MA09' | 'ADVISOR_MA09' | 'ADVISOR_MA03' | 'ADVISOR_OF_NETWORK_MA09' | 'PARTNER' | 'EXPIRED';

const ports: Record<ServiceName, number> = JSON.parse(process.env.TEST_PORTS ?? '{}');
const tokens: Record<TokenName, string> = JSON.parse(process.env.TEST_TOKENS ?? '{}');

export const url = (service: ServiceName, path = '/graphql') => `http://127.0.0.1:${ports[service]}${path}`;
export const token = (name: TokenName) => tokens[name];

export interface GraphQLResult<T = any> {
  status: number;
  headers?: Headers;
  extensions?: Record<string, any>;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; [k: string]: unknown } }>;
}

export interface Call {
  variables?: Record<string, unknown>;
  /** A named test token, or a raw Authorization header value. */
  as?: TokenName;
  authorization?: string;
  service?: ServiceName;
  /** Ask the stack to count SQL statements (answer in extensions.sqlStatements). */
  traceSql?: boolean;
  /** More request headers (Idempotency-Key, x-request-id…). */
  headers?: Record<string, string>;
  /** Another gateway than the shared stack's (test/gateway.ts). */
  origin?: string;
}

export async function gql<T = any>(query: string, call: Call = {}): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.as) headers.authorization = `Bearer ${token(call.as)}`;
  if (call.authorization) headers.authorization = call.authorization;
  if (call.traceSql) headers['x-moukawil-trace'] = 'sql';
  Object.assign(headers, call.headers);
  const response = await fetch(call.origin ? `${call.origin}/graphql` : url(call.service ?? 'gateway'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: call.variables }),
  });
  const body = (await response.json()) as GraphQLResult<T>;
  return { ...body, status: response.status, headers: response.headers };
}

/** The error codes of a result, in order. */
export const codes = (result: GraphQLResult) => (result.errors ?? []).map((e) => e.extensions?.code);

/** Fails with the errors when a result has any. */
export function ok<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Direct SQL on one subgraph's test database (or a suite's own, by its prefix), to check what was (or was not) written. */
export async function sqlOn<T = any>(subgraph: Exclude<ServiceName, 'gateway'>, text: string, params: unknown[] = [], prefix = 'test_'): Promise<T[]> {
  const target = new URL(process.env.TEST_DATABASE_URL!);
  target.pathname = `/${prefix}${subgraph}`;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A token of the test stack for a caller of the test's own (a fresh subject keeps per-caller
 * state such as lookup budgets apart from other suites). HS256 signed here with node:crypto, as
 * an identity provider would, so that tests do not load the kit's ESM-only JWT library.
 */
export function signedToken(
  claims: { subject: string; role: string; region?: string; advisor?: string },
  lifetimeSeconds = 3600,
  /** Changes to the payload before it is signed (a claim left out, an old `iat`…). */
  change: (payload: Record<string, unknown>) => void = () => {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload: Record<string, unknown> = {
    sub: claims.subject,
    role: claims.role,
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.advisor ? { advisor: claims.advisor } : {}),
    iss: 'moukawil-graph',
    aud: 'moukawil-graph',
    iat: now,
    exp: now + lifetimeSeconds,
  };
  change(payload);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', process.env.JWT_SECRET!).update(unsigned).digest('base64url')}`;
}

/** The Authorization header of a regional council of `region` (a test token of its own subject). */
export const councilOf = (region: string) => `Bearer ${signedToken({ subject: `test-council-${region}`, role: 'REGIONAL', region })}`;

/**
 * Waits for `condition` to hold, checking every `every` ms, and fails with `what` once `within`
 * ms have passed: a wait for an event always has a deadline and says what never happened.
 */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, within = 10_000, every = 20): Promise<void> {
  const deadline = Date.now() + within;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${within} ms for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** One connection to a subgraph's test database, held for a test's polling (a connection a pass would be the load). */
export async function heldDatabase(subgraph: Exclude<ServiceName, 'gateway'>, prefix = 'test_'): Promise<Client> {
  const target = new URL(process.env.TEST_DATABASE_URL!);
  target.pathname = `/${prefix}${subgraph}`;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  return client;
}
