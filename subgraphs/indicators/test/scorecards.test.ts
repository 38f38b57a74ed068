import { ownStack, type OwnStack } from '../../../test/stack';
import { gql, ok } from '../../../test/support';

/**
 * The scorecards moved from one IndicatorStatus entity per indicator (Region.scorecard,
 * nationalScorecard: deprecated) to one Scorecard entity per scope (scorecards, scorecardFor,
 * nationalScorecardFor). Before the old computation goes, both must give every status of every
 * scope and year of the seeded data the same values. On a stack of its own: nobody writes there,
 * so both designs read the same figures.
 */
const FIELDS = 'indicatorCode fromYear toYear target targetSource actual progress status trend';
const THIS_YEAR = new Date().getUTCFullYear();

let stack: OwnStack;
beforeAll(async () => {
  stack = await ownStack('scorecards_', 2_000);
}, 120_000);
afterAll(() => stack?.stop());

async function bothDesigns(year: number) {
  const data = ok(
    await gql(
      `query($year: Int!) {
    nationalScorecard(year: $year) { ${FIELDS} }
    regions { code scorecard(year: $year) { ${FIELDS} } }
    scorecards(year: $year) { scope statuses { ${FIELDS} } }
  }`,
      { variables: { year }, origin: stack.origin },
    ),
  );
  const old: Record<string, unknown[]> = { MA: data.nationalScorecard };
  for (const region of data.regions) old[region.code] = region.scorecard;
  const fresh: Record<string, unknown[]> = {};
  for (const card of data.scorecards) fresh[card.scope] = card.statuses;
  return { old, fresh };
}

describe('the scorecards, per indicator (deprecated) and per scope', () => {
  it.each(Array.from({ length: THIS_YEAR - 2015 + 2 }, (_, i) => 2015 + i))('give every status of every scope the same values in %i', async (year) => {
    const { old, fresh } = await bothDesigns(year);
    expect(Object.keys(fresh)).toHaveLength(13);
    expect(fresh).toEqual(old);
  });
});
