import { gql, ok } from '../../../test/support';

/**
 * The scorecards moved from one IndicatorStatus entity per indicator (Region.scorecard,
 * nationalScorecard: deprecated) to one Scorecard entity per scope (scorecards, scorecardFor,
 * nationalScorecardFor). Before the old computation goes, both must give every status of every
 * scope and year of the seeded data the same values.
 */
const FIELDS = 'indicatorCode fromYear toYear target targetSource actual progress status trend';
const THIS_YEAR = new Date().getUTCFullYear();

async function bothDesigns(year: number) {
  const data = ok(
    await gql(
      `query($year: Int!) {
    nationalScorecard(year: $year) { ${FIELDS} }
    regions { code scorecard(year: $year) { ${FIELDS} } }
    scorecards(year: $year) { scope statuses { ${FIELDS} } }
  }`,
      { variables: { year } },
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
    // Other suites register people meanwhile, which moves a live actual between two reads: a difference must
    // survive three reads to count (a real one always does).
    let last = await bothDesigns(year);
    for (let attempt = 0; attempt < 2 && JSON.stringify(last.old) !== JSON.stringify(last.fresh); attempt++) last = await bothDesigns(year);
    expect(Object.keys(last.fresh)).toHaveLength(13);
    expect(last.fresh).toEqual(last.old);
  });
});
