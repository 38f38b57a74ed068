import { randomInt } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { councilOf, gql, ok, sqlOn, token, url, type TokenName } from '../../test/support';

/** CSV exports: the graph's lists as files, with the graph's access rules and masks, streamed. */
async function download(path: string, as?: TokenName | { authorization: string }, origin = url('gateway', '')) {
  const authorization = typeof as === 'object' ? as.authorization : as ? `Bearer ${token(as)}` : undefined;
  const response = await fetch(`${origin}${path}`, { headers: authorization ? { authorization } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}
const rowsOf = (text: string, delimiter = ',') => parse(text, { bom: true, columns: true, delimiter }) as Array<Record<string, string>>;

describe('CSV exports', () => {
  it("gives a council its region's people as the graph does: every one, CINs masked, UTF-8 with a byte order mark", async () => {
    // Casablanca-Settat is a still region (test/regions.ts): the file and the graph count the same people.
    const council = { authorization: councilOf('MA-06') };
    const file = await download('/export/people.csv?region=MA-06', council);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="people-MA-06-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(file.text);
    const graph = ok(
      await gql(`{ autoEntrepreneurs(region: "MA-06", first: 3) { totalCount edges { node { registrationNumber fullName nationalId } } } }`, council),
    );
    expect(rows.length).toBeGreaterThan(500); // more than one page
    expect(rows).toHaveLength(graph.autoEntrepreneurs.totalCount);
    expect(new Set(rows.map((r) => r.rnae + r.full_name + r.submitted_at)).size).toBe(rows.length);
    expect(rows.every((r) => r.region === 'MA-06' && /\*{4,}$/.test(r.national_id))).toBe(true);
    expect(rows.slice(0, 3).map((r) => [r.rnae || null, r.full_name, r.national_id])).toEqual(
      graph.autoEntrepreneurs.edges.map((e: any) => [e.node.registrationNumber, e.node.fullName, e.node.nationalId]),
    );
    expect(Object.keys(rows[0])).not.toContain('phone'); // no contact details in any file
  });

  it('refuses what the graph refuses, before any row', async () => {
    for (const [path, as, status, code] of [
      ['/export/people.csv?region=MA-03', 'REGIONAL_MA09', 403, 'FORBIDDEN'],
      ['/export/people.csv', undefined, 403, 'FORBIDDEN'],
      ['/export/advisors.csv?region=MA-09', 'PARTNER', 403, 'FORBIDDEN'],
      ['/export/people.csv', 'EXPIRED', 401, 'UNAUTHENTICATED'],
      ['/export/people.csv?status=WHATEVER', 'NATIONAL', 400, 'BAD_USER_INPUT'],
      ['/export/secrets.csv', 'NATIONAL', 404, 'NOT_FOUND'],
      // A name the lists' table has from its prototype is no list either.
      ['/export/constructor.csv', 'NATIONAL', 404, 'NOT_FOUND'],
      ['/export/tostring.csv', 'NATIONAL', 404, 'NOT_FOUND'],
    ] as const) {
      const file = await download(path, as);
      expect([path, file.status, JSON.parse(file.text).errors[0].extensions.code]).toEqual([path, status, code]);
    }
  });

  it('keeps accents and Arabic names intact, with commas or semicolons', async () => {
    const names = ['سلمى الزياني', 'Aïcha Benkirane-Naït'];
    for (const fullName of names) {
      const input = {
        fullName,
        nationalId: `ZX${randomInt(1_000_000, 10_000_000)}`,
        gender: 'FEMALE',
        birthDate: '1990-01-01',
        region: 'MA-09',
        activityCode: 'C-01',
      };
      ok(await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { as: 'ADVISOR_MA09', variables: { input } }));
    }
    for (const [separator, delimiter] of [
      ['', ','],
      ['&separator=semicolon', ';'],
    ]) {
      const file = await download(`/export/people.csv?region=MA-09&status=SUBMITTED${separator}`, 'NATIONAL');
      const found = rowsOf(file.text, delimiter).map((r) => r.full_name);
      for (const name of names) expect(found).toContain(name);
    }
  });

  it('neutralises every cell a spreadsheet would run as a formula, with commas or semicolons, and keeps numbers as numbers', async () => {
    // What a council types: a title and a place for each character a formula can begin with. Tabs
    // and carriage returns are trimmed from typed text, so they are written as a data load would.
    const council = { as: 'REGIONAL_MA09' as const };
    const mark = `x${randomInt(1_000_000, 10_000_000)}`;
    const leads = ['=', '+', '-', '@', '\t', '\r', ' =', '\uFF1D'];
    const ids: string[] = [];
    for (let i = 0; i < leads.length; i++) {
      const input = {
        kind: 'AWARENESS',
        region: 'MA-09',
        heldOn: '2024-03-0' + ((i % 9) + 1),
        title: `T${mark}-${i}`,
        place: `P${mark}-${i}`,
        women: 1,
        men: 2,
      };
      ids.push(ok(await gql(`mutation($input: EventInput!) { recordEvent(input: $input) { id } }`, { ...council, variables: { input } })).recordEvent.id);
    }
    for (const [i, lead] of leads.entries()) {
      await sqlOn('programs', `UPDATE event SET title = $2, place = $3 WHERE id = $1`, [ids[i], `${lead}1+2 ${mark}-${i}`, `${lead}SUM(1+1) ${mark}-${i}`]);
    }
    for (const [separator, delimiter] of [
      ['', ','],
      ['&separator=semicolon', ';'],
    ]) {
      const file = await download(`/export/events.csv?region=MA-09&year=2024&kind=AWARENESS${separator}`, 'NATIONAL');
      expect(file.status).toBe(200);
      const rows = rowsOf(file.text, delimiter).filter((r) => r.title.includes(mark));
      expect(rows).toHaveLength(leads.length);
      for (const row of rows) {
        const i = Number(row.title.split('-').pop());
        expect([row.title, row.place]).toEqual([`'${leads[i]}1+2 ${mark}-${i}`, `'${leads[i]}SUM(1+1) ${mark}-${i}`]);
        expect([row.women, row.men, row.attendance]).toEqual(['1', '2', '3']);
      }
    }
  });

  it('exports the public scorecards to anyone, as the graph reads them', async () => {
    const rows = rowsOf((await download('/export/scorecards.csv?year=2019')).text);
    const { scorecards } = ok(await gql(`{ scorecards(year: 2019) { scope statuses { indicator { code } actual } } }`));
    expect(rows).toHaveLength(scorecards.reduce((n: number, c: any) => n + c.statuses.length, 0));
    const fes = scorecards.find((c: any) => c.scope === 'MA-03').statuses.find((s: any) => s.indicator.code === 'AE_REGISTRATIONS');
    expect(Number(rows.find((r) => r.scope === 'MA-03' && r.indicator === 'AE_REGISTRATIONS')!.actual)).toBe(fes.actual);
  });

  describe('on a gateway of its own', () => {
    let gateway: ExtraGateway;
    beforeAll(async () => {
      gateway = await startGateway(await freePort(), { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0' });
    });
    afterAll(() => gateway?.stop());

    it('writes one audit line per export, with its caller, list and row count', async () => {
      const file = await download('/export/enrolments.csv?region=MA-09', 'REGIONAL_MA09', gateway.origin);
      const rows = rowsOf(file.text);
      const deadline = Date.now() + 5_000;
      const audit = () => gateway.lines.filter((l) => l.audit === 'export');
      while (audit().length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      expect(audit()).toEqual([
        expect.objectContaining({ list: 'enrolments', rows: rows.length, role: 'REGIONAL', region: 'MA-09', filters: { region: 'MA-09' } }),
      ]);
    });
  });
});
