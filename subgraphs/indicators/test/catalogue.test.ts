import { ownStack, type OwnStack } from '../../../test/stack';
import { codes, gql, ok, type Call } from '../../../test/support';

/**
 * The indicator catalogue edited by the national office: an indicator added with a declared source
 * is live on every scorecard at once, and leaves them when retired. On a stack of its own: a new
 * indicator changes every scorecard, which other suites read whole.
 */
let stack: OwnStack;
beforeAll(async () => {
  stack = await ownStack('catalogue_', 300);
}, 120_000);
afterAll(() => stack?.stop());

const THIS_YEAR = new Date().getUTCFullYear();
const as = (call: Call = {}): Call => ({ ...call, origin: stack.origin });
const input = {
  code: 'EVENTS_HELD',
  name: 'Événements organisés',
  nameEn: 'Events held',
  nameAr: 'الأنشطة المنظمة',
  description: 'Awareness events held, as recorded by the councils.',
  kind: 'QUANTITATIVE',
  unit: 'events',
  direction: 'HIGHER_IS_BETTER',
  aggregation: 'COUNT',
  source: 'AWARENESS_EVENTS',
};
const ADD = `mutation($input: IndicatorInput!) { addIndicator(input: $input) { code nameAr source actualSource retiredAt } }`;
const card = async () =>
  ok(await gql(`{ nationalScorecardFor(year: 2017) { statuses { indicatorCode actual } } }`, as())).nationalScorecardFor.statuses as Array<{
    indicatorCode: string;
    actual: number | null;
  }>;

describe('the indicator catalogue', () => {
  it('adds an indicator live from its declared source, and retires it from the scorecards', async () => {
    expect(codes(await gql(ADD, as({ authorization: undefined, as: 'REGIONAL_MA09', variables: { input } })))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(ADD, as({ as: 'NATIONAL', variables: { input } }))).addIndicator).toMatchObject({
      code: 'EVENTS_HELD',
      nameAr: 'الأنشطة المنظمة',
      source: 'AWARENESS_EVENTS',
      retiredAt: null,
    });
    const statuses = await card();
    const awareness = statuses.find((s) => s.indicatorCode === 'AWARENESS_EVENTS')!.actual;
    expect(awareness).toBeGreaterThan(0);
    expect(statuses.find((s) => s.indicatorCode === 'EVENTS_HELD')!.actual).toBe(awareness);

    const retire = `mutation { retireIndicator(code: "EVENTS_HELD", reason: "Doublon de AWARENESS_EVENTS") { retiredAt retireReason } }`;
    expect(codes(await gql(retire, as({ as: 'REGIONAL_MA09' })))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(retire, as({ as: 'NATIONAL' }))).retireIndicator.retireReason).toBe('Doublon de AWARENESS_EVENTS');
    expect((await card()).map((s) => s.indicatorCode)).not.toContain('EVENTS_HELD');
    expect(ok(await gql(`{ indicators { code } }`, as())).indicators.map((i: any) => i.code)).not.toContain('EVENTS_HELD');
    expect(ok(await gql(`{ indicators(includeRetired: true) { code } }`, as())).indicators.map((i: any) => i.code)).toContain('EVENTS_HELD');
    expect(ok(await gql(`{ nationalScorecardFor(year: ${THIS_YEAR}) { statuses { indicatorCode } } }`, as())).nationalScorecardFor.statuses).toHaveLength(20);
  });

  it('refuses a source that does not fit the kind, a bad code and a code taken', async () => {
    for (const [override, field] of [
      [{ kind: 'QUALITATIVE' }, 'source'],
      [{ source: 'ASSESSMENTS' }, 'source'],
      [{ code: 'bad code' }, 'code'],
      [{ code: 'AE_REGISTRATIONS' }, 'code'],
    ] as const) {
      const result = await gql(ADD, as({ as: 'NATIONAL', variables: { input: { ...input, code: 'OTHER_ONE', ...override } } }));
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
