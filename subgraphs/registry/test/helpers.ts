import { randomInt } from 'node:crypto';
import { gql, ok, sqlOn, type Call } from '../../../test/support';

/** A CIN no seeded person has (seeded ones have 6 digits, these 7), random so test files never collide. */
export function freshCin(prefix = 'ZT'): string {
  return `${prefix}${randomInt(1_000_000, 10_000_000)}`;
}

export const application = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Hajar Ait Lahcen',
  nationalId: freshCin(),
  gender: 'FEMALE',
  birthDate: '1994-03-08',
  region: 'MA-12',
  province: 'MA-12-OUD',
  activityCode: 'S-10',
  phone: '0661234567',
  segment: 'UNEMPLOYED',
  ...overrides,
});

export const SUBMIT = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id status registrationNumber nationalId region { code } province { code name } } }`;

export async function submit(input: Record<string, unknown>, call: Call = { as: 'NATIONAL' }) {
  return ok(await gql(SUBMIT, { ...call, variables: { input } })).submitApplication;
}

/** Direct SQL on the registry's test database. */
export const sql = <T = any>(text: string, params: unknown[] = []) => sqlOn<T>('registry', text, params);

export const THIS_YEAR = new Date().getUTCFullYear();
export const THIS_QUARTER = `${THIS_YEAR}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

export async function regionStats(region: string, year = THIS_YEAR) {
  return ok(
    await gql(
      `query($code: ID!, $year: Int) { region(code: $code) { registrationStats(year: $year) { applications registered rejected struckOff active women turnover taxContribution } } }`,
      { as: 'NATIONAL', variables: { code: region, year } },
    ),
  ).region.registrationStats; // authenticated: never served from the public cache
}
