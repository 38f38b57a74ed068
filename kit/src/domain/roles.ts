import { REGION_CODES } from './territory';

/** The roles of the contract (docs/contract.md). Anonymous callers have no role and read public aggregates only. */
export const ROLES = ['NATIONAL', 'REGIONAL', 'ADVISOR', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** What a token says of its holder. */
export interface TokenClaims {
  subject: string;
  role: Role;
  region?: string;
  /** An ADVISOR's own advisor id in the network (programs subgraph): "my beneficiaries", follow-ups. */
  advisor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateClaims(claims: TokenClaims): void {
  // The subject is the caller's key everywhere (audit actor, idempotency, lookup budget): a name, not a blank.
  if (typeof claims.subject !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(claims.subject)) {
    throw new Error('subject must be 1 to 200 printable ASCII characters without spaces');
  }
  if (!ROLES.includes(claims.role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  const regional = claims.role === 'REGIONAL' || claims.role === 'ADVISOR';
  if (regional && !REGION_CODES.includes(claims.region ?? '')) {
    throw new Error(`role ${claims.role} needs a region, one of MA-01 … MA-12`);
  }
  if (!regional && claims.region) throw new Error(`role ${claims.role} is national: it takes no region`);
  if (claims.advisor !== undefined && (claims.role !== 'ADVISOR' || !UUID.test(claims.advisor)))
    throw new Error('only an ADVISOR token names an advisor, by its id (UUID)');
}
