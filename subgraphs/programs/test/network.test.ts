import { ownStack, type OwnStack } from '../../../test/stack';
import { codes, gql, ok } from '../../../test/support';

describe('the advisor network, events and their figures', () => {
  it('holds the figures of the sources at 15 February 2018', async () => {
    // What was recorded by then: the network and events recorded since (operations.test) come later.
    const SOURCES = '2018-02-15';
    const data = ok(
      await gql(`{
      advisors { id trainedOn workshop { id kind } }
      workshops: events(kind: ADVISOR_WORKSHOP) { id attendance heldOn }
      awareness: events(kind: AWARENESS) { id heldOn region { code } }
      councils: events(kind: COUNCIL_SENSITISATION) { heldOn region { code } }
    }`),
    );
    const byThen = (rows: any[], day: (row: any) => string | null) => rows.filter((row) => day(row) !== null && day(row)! < SOURCES);
    const advisors = byThen(data.advisors, (a) => a.trainedOn);
    const workshops = byThen(data.workshops, (w) => w.heldOn);
    expect(advisors).toHaveLength(355);
    expect(workshops).toHaveLength(20);
    expect(workshops.reduce((sum: number, w: any) => sum + w.attendance, 0)).toBe(355);
    expect(advisors.every((a: any) => a.workshop.kind === 'ADVISOR_WORKSHOP')).toBe(true);
    expect(byThen(data.awareness, (e) => e.heldOn)).toHaveLength(400);
    expect(new Set(byThen(data.awareness, (e) => e.heldOn).map((e: any) => e.region.code)).size).toBe(12);
    expect(new Set(byThen(data.councils, (e) => e.heldOn).map((e: any) => e.region.code)).size).toBe(9);
  });

  it("shows advisors' names only to the region's council and advisors and the national office", async () => {
    const query = `{ region(code: "MA-09") { advisors { fullName region { code } } } }`;
    expect(ok(await gql(query, { as: 'REGIONAL_MA09' })).region.advisors[0].fullName).toMatch(/\w+ \w+/);
    const anonymous = await gql(query);
    expect(codes(anonymous)).toContain('FORBIDDEN');
    expect(ok(await gql(`{ region(code: "MA-09") { advisors { region { code } partner { name } } } }`)).region.advisors.length).toBeGreaterThan(0);
  });

  it('answers regional programme figures whose regions add up to the programme total', async () => {
    const data = ok(
      await gql(`{
      programme(code: "RESEAU-ENTREPRENDRE-HL") { stats { beneficiaries women amountLent } }
      regions { programmeStats { programme { code } beneficiaries women womenShare amountLent } }
    }`),
    );
    const rows = data.regions.flatMap((r: any) => r.programmeStats).filter((s: any) => s.programme.code === 'RESEAU-ENTREPRENDRE-HL');
    expect(rows).toHaveLength(12);
    for (const key of ['beneficiaries', 'women', 'amountLent']) {
      expect(rows.reduce((sum: number, r: any) => sum + r[key], 0)).toBe(data.programme.stats[key]);
    }
    expect(data.programme.stats.beneficiaries).toBeGreaterThan(0);
  });

  it('costs the same number of SQL statements for 5 or 50 enrolments per programme (500 is over the gateway cost limit)', async () => {
    const dashboard = (n: number) =>
      `{ regions { code programmes { code enrolments(first: ${n}) { status advisor { id } beneficiary { id status } } } programmeStats(year: 2019) { beneficiaries } advisors { id } events { id } } }`;
    // On a stack of this test's own: another suite's write between the two reads would make the
    // second load kept figures again (one more statement).
    const own: OwnStack = await ownStack('network_', 2_000);
    try {
      // Warmed first: a fresh stack reads its reference tables once (regions, programmes), then keeps them.
      ok(await gql(dashboard(1), { as: 'NATIONAL', origin: own.origin }));
      const small = await gql(dashboard(5), { as: 'NATIONAL', traceSql: true, origin: own.origin });
      const large = await gql(dashboard(50), { as: 'NATIONAL', traceSql: true, origin: own.origin });
      const rows = ok(large).regions.flatMap((r: any) => r.programmes.flatMap((p: any) => p.enrolments));
      expect(rows.length).toBeGreaterThan(ok(small).regions.flatMap((r: any) => r.programmes.flatMap((p: any) => p.enrolments)).length);
      expect(large.extensions!.sqlStatements).toEqual(small.extensions!.sqlStatements);
      expect(large.extensions!.sqlStatements.total).toBeLessThanOrEqual(15);
    } finally {
      await own.stop();
    }
  });
});
