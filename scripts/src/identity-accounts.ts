import { REGIONS } from '@moukawil/kit/domain';

/**
 * The demo accounts of the embedded identity provider (identity.ts): the national office, each
 * region's council and an advisor of a few regions, all with the one demo password. The
 * advisors are advisors of the demo network (the programs subgraph's seed: advisor i trained at
 * workshop i mod 20, which the list of workshop regions places).
 */
export interface DemoAccount {
  id: string;
  name: string;
  role: 'NATIONAL' | 'REGIONAL' | 'ADVISOR';
  region?: string;
  advisor?: string;
}

export const DEMO_PASSWORD = 'moukawil-demo';

const advisorId = (i: number) => `c0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
/** The first demo advisor of each of these regions (its index in the seed's network). */
const ADVISORS: Array<[region: string, index: number, name: string]> = [
  ['MA-09', 8, 'Conseiller Souss-Massa'],
  ['MA-03', 2, 'Conseiller Fès-Meknès'],
  ['MA-06', 5, 'Conseiller Casablanca-Settat'],
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'national', name: 'Maroc PME — bureau national', role: 'NATIONAL' },
  ...REGIONS.map((r) => ({ id: `council-${r.code.toLowerCase()}`, name: `Conseil régional ${r.name}`, role: 'REGIONAL' as const, region: r.code })),
  ...ADVISORS.map(([region, i, name]) => ({ id: `advisor-${region.toLowerCase()}`, name, role: 'ADVISOR' as const, region, advisor: advisorId(i) })),
];

export const demoAccount = (id: string): DemoAccount | undefined => DEMO_ACCOUNTS.find((a) => a.id === id);
