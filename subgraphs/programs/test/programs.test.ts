import { STILL } from '../../../test/regions';
import { councilOf, gql, ok } from '../../../test/support';

describe('programs subgraph', () => {
  it('runs honour loans and digital inclusion in the four pilot regions', async () => {
    const { programmes } = ok(await gql(`{ programmes { code kind isNational regions { code } } }`, { service: 'programs' }));
    const byCode = Object.fromEntries(programmes.map((p: any) => [p.code, p]));
    const pilots = ['MA-02', 'MA-04', 'MA-08', 'MA-09'];
    expect(byCode['PILOT-HONOUR-LOAN'].kind).toBe('HONOUR_LOAN');
    expect(byCode['PILOT-HONOUR-LOAN'].regions.map((r: any) => r.code).sort()).toEqual(pilots);
    expect(byCode['PILOT-DIGITAL-INCLUSION'].regions.map((r: any) => r.code).sort()).toEqual(pilots);
    expect(byCode.INTELAKA.isNational).toBe(true);
  });

  it('filters programmes by region, with the Fès-Meknès convention programmes there only', async () => {
    const fm = ok(await gql(`{ programmes(region: "MA-03") { code kind } }`, { service: 'programs' })).programmes;
    expect(fm.map((p: any) => p.kind)).toEqual(expect.arrayContaining(['TPME_PROMOTION', 'PROJECT_HOLDER_SUPPORT', 'POST_CREATION_SUPPORT']));
    const souss = ok(await gql(`{ programmes(region: "MA-09") { code } }`, { service: 'programs' })).programmes.map((p: any) => p.code);
    expect(souss).not.toContain('FM-TPME-RURAL');
    expect(souss).toContain('PILOT-HONOUR-LOAN');
  });

  it('shows enrolments only of the regions the caller may read', async () => {
    const query = `{ programmes { code enrolments(first: 500) { regionCode status amount } } }`;
    const rows = (data: any) => data.programmes.flatMap((p: any) => p.enrolments.map((e: any) => ({ ...e, programme: p.code })));
    const all = rows(ok(await gql(query, { as: 'NATIONAL', service: 'programs' })));
    expect(new Set(all.map((e: any) => e.regionCode)).size).toBe(12);
    // A still region (test/regions.ts): no suite enrols there between the two reads.
    const region = STILL[2];
    const council = rows(ok(await gql(query, { authorization: councilOf(region), service: 'programs' })));
    expect(council.length).toBeGreaterThan(0);
    expect(council).toEqual(all.filter((e: any) => e.regionCode === region));
    expect(rows(ok(await gql(query, { service: 'programs' })))).toEqual([]);
    expect(rows(ok(await gql(query, { as: 'PARTNER', service: 'programs' })))).toEqual([]);
    const loans = all.filter((e: any) => e.programme === 'RESEAU-ENTREPRENDRE-HL' && e.amount !== null);
    expect(loans.length).toBeGreaterThan(0);
    expect(Math.max(...loans.map((e: any) => e.amount))).toBeLessThanOrEqual(100_000); // Réseau Entreprendre ceiling
  });

  it('adds enrolments to auto-entrepreneurs through the gateway', async () => {
    const { programme } = ok(
      await gql(`{ programme(code: "PILOT-DIGITAL-INCLUSION") { enrolments(first: 1) { beneficiary { id enrolments { programme { code } } } } } }`, {
        as: 'NATIONAL',
      }),
    );
    const person = programme.enrolments[0].beneficiary;
    expect(person.enrolments.map((e: any) => e.programme.code)).toContain('PILOT-DIGITAL-INCLUSION');
  });
});
