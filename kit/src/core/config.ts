/** Environment configuration, read once and validated: a bad value stops the process with a clear message. */

export class ConfigError extends Error {}

function raw(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function envString(name: string, fallback?: string): string {
  const value = raw(name) ?? fallback;
  if (value === undefined) throw new ConfigError(`${name} must be set`);
  return value;
}

export function envOptional(name: string): string | undefined {
  return raw(name);
}

export function envInt(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = raw(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  }
  return parsed;
}

export function envPort(name: string, fallback: number): number {
  return envInt(name, fallback, 0, 65535);
}

export function envBool(name: string, fallback: boolean): boolean {
  const value = raw(name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

/** The services of the graph and their default ports (docs/contract.md). */
export const SERVICES = {
  gateway: { port: 4000, portEnv: 'GATEWAY_PORT' },
  regions: { port: 4001, portEnv: 'REGIONS_PORT' },
  registry: { port: 4002, portEnv: 'REGISTRY_PORT' },
  programs: { port: 4003, portEnv: 'PROGRAMS_PORT' },
  indicators: { port: 4004, portEnv: 'INDICATORS_PORT' },
} as const;

export type ServiceName = keyof typeof SERVICES;
export type SubgraphName = Exclude<ServiceName, 'gateway'>;
export const SUBGRAPHS: SubgraphName[] = ['regions', 'registry', 'programs', 'indicators'];

/**
 * The address a service listens on: loopback unless LISTEN_HOST says otherwise (`0.0.0.0` in a
 * container), so that a development stack signed with the published development secret is
 * never reachable from another machine (tokens.ts refuses that secret on any other address).
 */
export const listenHost = (): string => envString('LISTEN_HOST', '127.0.0.1');

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

export function servicePort(name: ServiceName): number {
  return envPort(SERVICES[name].portEnv, SERVICES[name].port);
}

/** Where a subgraph answers: `<NAME>_URL` when set (docker-compose), else localhost on its port. */
export function subgraphUrl(name: SubgraphName): string {
  return envOptional(`${name.toUpperCase()}_URL`) ?? `http://127.0.0.1:${servicePort(name)}/graphql`;
}
