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

/** Seeded auto-entrepreneurs of MA-11, still registered, registered before `year`, untouched by any test, oldest id first; `idle`: with a whole calendar year since without turnover. */
async function seeded(filter: { before: number; category?: string; idle?: boolean }): Promise<{ id: string }> {
  const [row] = await sql(
    `SELECT a.id FROM auto_entrepreneur a WHERE a.region_code = 'MA-11' AND a.status = 'REGISTERED' AND a.registered_at < make_date($1, 1, 1)
    AND ($2::text IS NULL OR a.activity_category = $2) AND a.import_key IS NULL
    AND NOT EXISTS (SELECT 1 FROM registry_event e WHERE e.auto_entrepreneur_id = a.id AND e.actor_subject <> 'seed')
    AND (NOT $3 OR EXISTS (SELECT 1 FROM generate_series(extract(year FROM a.registered_at)::int + 1, $4 - 1) AS y
      WHERE NOT EXISTS (SELECT 1 FROM turnover_declaration d WHERE d.auto_entrepreneur_id = a.id AND d.year = y AND d.amount > 0)))
    ORDER BY a.id LIMIT 1`,
    [filter.before, filter.category ?? null, filter.idle ?? false, THIS_YEAR],
  );
  expect(row).toBeDefined();
  return row;
}

/** Makes a year's declared turnover exceed `amount`: declares a quarter left undeclared, or corrects a declared one. */
async function turnoverAbove(id: string, year: number, amount: number): Promise<void> {
  const declared = new Set(
    (await sql('SELECT quarter FROM turnover_declaration WHERE auto_entrepreneur_id = $1 AND year = $2', [id, year])).map((r) => r.quarter),
  );
  const free = [1, 2, 3, 4].find((q) => !declared.has(q));
  const period = `${year}-Q${free ?? [...declared][0]}`;
  if (free) ok(await gql(DECLARE, { as: 'NATIONAL', variables: { id, period, amount } }));
  else ok(await gql(CORRECT, { as: 'NATIONAL', variables: { id, period, amount, reason: 'Déclaration rectifiée' } }));
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

    // A seeded person who went dormant: a whole calendar year without turnover since registering.
    const idle = await seeded({ before: THIS_YEAR - 1, idle: true });
    expect(ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: idle.id, reason: 'NO_TURNOVER_FOR_A_YEAR' } })).strikeOff.status).toBe('STRUCK_OFF');

    // Services ceiling: 200,000 MAD a year; above it two years running.
    const [first, second] = [THIS_YEAR - 3, THIS_YEAR - 2];
    const busy = await seeded({ before: first, category: 'SERVICES' });
    for (const year of [first, second]) await turnoverAbove(busy.id, year, 250_000);
    const years = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { yearsAboveCeiling } }`, { as: 'NATIONAL', variables: { id: busy.id } }));
    expect(years.autoEntrepreneur.yearsAboveCeiling).toEqual([first, second]);
    expect(ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: busy.id, reason: 'CEILING_EXCEEDED_TWO_YEARS' } })).strikeOff.struckOffReason).toBe(
      'CEILING_EXCEEDED_TWO_YEARS',
    );
  });
});
