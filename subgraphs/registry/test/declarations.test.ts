import { codes, gql, ok } from '../../../test/support';
import { application, regionStats, sql, submit, THIS_QUARTER, THIS_YEAR } from './helpers';

const DECLARE = `mutation($id: ID!, $period: String!, $amount: Float!) { declareTurnover(id: $id, period: $period, amount: $amount) { year quarter amount tax correctedAt } }`;
const CORRECT = `mutation($id: ID!, $period: String!, $amount: Float!, $reason: String!) { correctTurnover(id: $id, period: $period, amount: $amount, reason: $reason) { amount tax correctedAt } }`;
const STRIKE = `mutation($id: ID!, $reason: StrikeOffReason!) { strikeOff(id: $id, reason: $reason) { status struckOffReason } }`;

// Writes in Laâyoune-Sakia El Hamra (MA-11), this file's own region (test/regions.ts).
const HERE = { region: 'MA-11', province: 'MA-11-LAA' };

async function registeredPerson(overrides: Record<string, unknown> = {}) {
  const person = await submit(application({ ...HERE, ...overrides }));
  ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { status } }`, { as: 'NATIONAL', variables: { id: person.id } }));
  return person;
}

/** A seeded auto-entrepreneur registered long ago in MA-11 and still registered. */
async function seededRegistered(category: string): Promise<{ id: string }> {
  const [row] = await sql(
    `SELECT id FROM auto_entrepreneur WHERE region_code = 'MA-11' AND status = 'REGISTERED' AND registered_at < '2019-01-01'
    AND activity_category = $1 AND import_key IS NULL AND NOT EXISTS (SELECT 1 FROM registry_event e WHERE e.auto_entrepreneur_id = auto_entrepreneur.id AND e.actor_subject <> 'seed')
    ORDER BY id LIMIT 1`,
    [category],
  );
  return row;
}

describe('turnover declarations', () => {
  it('computes the tax at the rate of the category and adds the amount to the statistics exactly once', async () => {
    const person = await registeredPerson({ activityCode: 'S-05' }); // services: 1 %
    const before = await regionStats('MA-11');
    const declared = ok(await gql(DECLARE, { as: 'NATIONAL', variables: { id: person.id, period: THIS_QUARTER, amount: 12_345.5 } })).declareTurnover;
    expect(declared).toMatchObject({ year: THIS_YEAR, amount: 12_345.5, tax: 123.46, correctedAt: null });
    const after = await regionStats('MA-11');
    expect(after.turnover).toBeCloseTo(before.turnover + 12_345.5, 2);
    expect(after.taxContribution).toBeCloseTo(before.taxContribution + 123.46, 2);

    const twice = await gql(DECLARE, { as: 'NATIONAL', variables: { id: person.id, period: THIS_QUARTER, amount: 12_345.5 } });
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors![0].message).toMatch(/already declared .*correctTurnover/);
    expect((await regionStats('MA-11')).turnover).toBeCloseTo(after.turnover, 2);

    const corrected = ok(
      await gql(CORRECT, { as: 'NATIONAL', variables: { id: person.id, period: THIS_QUARTER, amount: 10_000, reason: 'Erreur de saisie' } }),
    ).correctTurnover;
    expect(corrected.amount).toBe(10_000);
    expect(corrected.tax).toBe(100);
    expect(corrected.correctedAt).not.toBeNull();
    expect((await regionStats('MA-11')).turnover).toBeCloseTo(before.turnover + 10_000, 2);
    const { autoEntrepreneur } = ok(
      await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { declarations { amount } history { kind reason detail } } }`, {
        as: 'NATIONAL',
        variables: { id: person.id },
      }),
    );
    expect(autoEntrepreneur.declarations).toEqual([{ amount: 10_000 }]);
    const correction = autoEntrepreneur.history.find((e: any) => e.kind === 'TURNOVER_CORRECTED');
    expect(correction.reason).toBe('Erreur de saisie');
    expect(JSON.parse(correction.detail)).toMatchObject({ previousAmount: 12_345.5, amount: 10_000 });
  });

  it('refuses periods outside the registration, bad amounts, and unregistered people', async () => {
    const person = await registeredPerson();
    const pending = await submit(application(HERE));
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ id: person.id, period: `${THIS_YEAR + 1}-Q1`, amount: 10 }, 'period', /has not started yet/],
      [{ id: person.id, period: '2016-Q2', amount: 10 }, 'period', /before the registration/],
      [{ id: person.id, period: '2026-Q5', amount: 10 }, 'period', /not a quarter/],
      [{ id: person.id, period: THIS_QUARTER, amount: -5 }, 'amount', /zero or more/],
      [{ id: person.id, period: THIS_QUARTER, amount: 1.234 }, 'amount', /two decimals/],
      [{ id: pending.id, period: THIS_QUARTER, amount: 10 }, 'id', /Only a REGISTERED/],
    ];
    for (const [variables, field, message] of cases) {
      const result = await gql(DECLARE, { as: 'NATIONAL', variables });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
      expect(result.errors![0].message).toMatch(message);
    }
    expect(await sql('SELECT * FROM turnover_declaration WHERE auto_entrepreneur_id = ANY($1)', [[person.id, pending.id]])).toEqual([]);
    const correctUnknown = await gql(CORRECT, { as: 'NATIONAL', variables: { id: person.id, period: THIS_QUARTER, amount: 5, reason: 'Erreur' } });
    expect(correctUnknown.errors![0].message).toMatch(/has not been declared yet/);
  });

  it('checks the declarations before striking off for no turnover or for the ceiling', async () => {
    const fresh = await registeredPerson();
    const noYear = await gql(STRIKE, { as: 'NATIONAL', variables: { id: fresh.id, reason: 'NO_TURNOVER_FOR_A_YEAR' } });
    expect(codes(noYear)).toEqual(['BAD_USER_INPUT']);
    expect(noYear.errors![0].message).toMatch(/NO_TURNOVER_FOR_A_YEAR does not apply/);
    const noCeiling = await gql(STRIKE, { as: 'NATIONAL', variables: { id: fresh.id, reason: 'CEILING_EXCEEDED_TWO_YEARS' } });
    expect(noCeiling.errors![0].message).toMatch(/did not exceed the ceiling/);

    // Seeded people declared until 2020 and nothing since: a whole calendar year without turnover.
    const idle = await seededRegistered('COMMERCIAL');
    expect(ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: idle.id, reason: 'NO_TURNOVER_FOR_A_YEAR' } })).strikeOff.status).toBe('STRUCK_OFF');

    // Services ceiling: 200,000 MAD a year; above it in 2023 and 2024.
    const busy = await seededRegistered('SERVICES');
    for (const period of ['2023-Q1', '2024-Q2']) ok(await gql(DECLARE, { as: 'NATIONAL', variables: { id: busy.id, period, amount: 250_000 } }));
    const years = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { yearsAboveCeiling } }`, { as: 'NATIONAL', variables: { id: busy.id } }));
    expect(years.autoEntrepreneur.yearsAboveCeiling).toEqual([2023, 2024]);
    expect(ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: busy.id, reason: 'CEILING_EXCEEDED_TWO_YEARS' } })).strikeOff.struckOffReason).toBe(
      'CEILING_EXCEEDED_TWO_YEARS',
    );
  });
});
