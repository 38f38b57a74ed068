/**
 * The token the user pasted, kept for the browser tab only (sessionStorage), and what it says of
 * the role. Decoding here only chooses what to ask for; the gateway and subgraphs verify and enforce.
 */
export const ROLES = ['NATIONAL', 'REGIONAL', 'ADVISOR', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  token: string | null;
  role: Role | null;
  region: string | null;
}

const KEY = 'moukawil.token';

/** A JWT's claims, unverified (the gateway verifies): to choose what to show. */
export function decodeClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return {};
  }
}

/** The Authorization header for what the user pasted: a partner API key (`mkp_…`) or a bearer token. */
export const authorizationOf = (token: string) => (token.startsWith('mkp_') ? `ApiKey ${token}` : `Bearer ${token}`);

export function sessionOf(token: string | null): Session {
  if (!token) return { token: null, role: null, region: null };
  if (token.startsWith('mkp_')) return { token, role: 'PARTNER', region: null };
  const { role, region } = decodeClaims(token) as { role?: Role; region?: string };
  return { token, role: role ?? null, region: region ?? null };
}

export const loadSession = () => sessionOf(sessionStorage.getItem(KEY));

export function saveToken(token: string | null): Session {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  return sessionOf(token);
}

/** Whether the token in use may read the people (names, CIN) of a region: the contract's rule. */
export function canReadPeople(session: Session, region: string): boolean {
  if (session.role === 'NATIONAL') return true;
  return (session.role === 'REGIONAL' || session.role === 'ADVISOR') && session.region === region;
}

/** Whether the token in use may read a person's phone, address and birth date: the region's advisors and the national office (not its council). */
export function canReadContact(session: Session, region: string): boolean {
  return session.role === 'NATIONAL' || (session.role === 'ADVISOR' && session.region === region);
}

/** The one region a regional token is about (councils and advisors), or null. */
export const homeRegion = (session: Session) => (session.role === 'REGIONAL' || session.role === 'ADVISOR' ? session.region : null);

/** Whether the token in use records a region's events and workshops: its council and the national office (the graph decides). */
export function canManage(session: Session, region: string): boolean {
  return session.role === 'NATIONAL' || (session.role === 'REGIONAL' && session.region === region);
}
