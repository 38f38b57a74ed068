import { randomInt } from 'node:crypto';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { codes, gql, ok, token, url, type TokenName } from '../../test/support';

/**
 * A file of applications uploaded to POST /import/applications.csv: read as it arrives, sent to
 * the register through the graph 200 rows at a time as the caller, idempotent, the refusals by
 * line. People go to MA-08 (an open region of test/regions.ts: no suite counts its people).
 */
const IMPORT = url('gateway', '/import/applications.csv');
const HEADER = 'fullName,nationalId,gender,birthDate,region,activityCode';
const cin = () => `ZI${randomInt(100_000, 1_000_000)}`;
const row = (name: string, nationalId: string, gender = 'FEMALE') => `${name},${nationalId},${gender},1991-04-12,MA-08,C-03`;

async function upload(csv: string, as: TokenName | null = 'NATIONAL', at = IMPORT) {
  const response = await fetch(`${at}?source=test-upload.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(as ? { authorization: `Bearer ${token(as)}` } : {}) },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const statusOf = async (nationalId: string) =>
  ok(
    await gql(`{ autoEntrepreneurs(search: "${nationalId}", first: 5) { edges { node { status region { code } } } } }`, { as: 'NATIONAL' }),
  ).autoEntrepreneurs.edges.map((e: any) => [e.node.status, e.node.region.code]);

describe('POST /import/applications.csv', () => {
  it('imports the valid rows, refuses the others by line, and changes nothing when sent again', async () => {
    const [a, b, c] = [cin(), cin(), cin()];
    const csv = [
      HEADER,
      row('Imane Tazi', a),
      row('Omar Benali', b, 'MALE'),
      row('Sara Idrissi', c),
      row('Nadia Alami', cin(), 'X'),
      row('Imane Tazi bis', a),
    ].join('\n');
    const first = await upload(csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 5, imported: 3, alreadyImported: 0, rejected: 2 });
    expect(first.body.rejects.map((r: any) => r.line)).toEqual([5, 6]);
    expect(first.body.rejects[0].reason).toMatch(/^gender/);
    expect(first.body.rejects[1].reason).toMatch(/^nationalId/);
    for (const person of [a, b, c]) expect(await statusOf(person)).toEqual([['SUBMITTED', 'MA-08']]);
    const again = await upload(csv);
    expect(again.body).toMatchObject({ rows: 5, imported: 0, alreadyImported: 3, rejected: 2 });
    for (const person of [a, b, c]) expect(await statusOf(person)).toHaveLength(1);
  });

  it('sends a file larger than a batch in batches, every row once', async () => {
    const cins = Array.from({ length: 450 }, (_, i) => `ZB${String(randomInt(0, 100_000)).padStart(5, '0')}${i % 10}`);
    const unique = [...new Set(cins)];
    const result = await upload([HEADER, ...unique.map((id) => row('Personne Importée', id))].join('\n'));
    expect(result.body).toMatchObject({ rows: unique.length, imported: unique.length, rejected: 0 });
    expect(await statusOf(unique[unique.length - 1])).toEqual([['SUBMITTED', 'MA-08']]);
  });

  it('is for the national office only, at the gateway and at the register', async () => {
    const csv = [HEADER, row('Refus Conseil', cin())].join('\n');
    for (const as of ['REGIONAL_MA09', 'ADVISOR_MA09', 'PARTNER', null] as const) {
      const refused = await upload(csv, as);
      expect([as, refused.status, refused.body.errors[0].extensions.code]).toEqual([as, 403, 'FORBIDDEN']);
    }
    const direct = await gql(`mutation { importApplications(source: "x.csv", rows: [{ line: 2, fullName: "A B" }]) { imported } }`, {
      as: 'REGIONAL_MA09',
      service: 'registry',
    });
    expect(codes(direct)).toEqual(['FORBIDDEN']);
    const rows = Array.from({ length: 201 }, (_, i) => ({ line: i + 2 }));
    const tooMany = await gql(`mutation($rows: [ImportRowInput!]!) { importApplications(source: "x.csv", rows: $rows) { imported } }`, {
      as: 'NATIONAL',
      service: 'registry',
      variables: { rows },
    });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a file with a column the import does not have, and one that is not CSV', async () => {
    const unknown = await upload(`${HEADER},salary\nA B,${cin()},FEMALE,1990-01-01,MA-08,C-03,1000`);
    expect([unknown.status, unknown.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(unknown.body.errors[0].message).toContain('salary');
    const broken = await upload(`${HEADER}\n"unclosed,${cin()},FEMALE,1990-01-01,MA-08,C-03`);
    expect([broken.status, broken.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  describe('with a small IMPORT_MAX_BYTES', () => {
    let small: ExtraGateway;
    beforeAll(async () => {
      small = await startGateway(await freePort(), { IMPORT_MAX_BYTES: '2048' });
    });
    afterAll(() => small?.stop());

    it('refuses a file over it with 413, nothing imported', async () => {
      const ids = Array.from({ length: 60 }, () => cin());
      const result = await upload([HEADER, ...ids.map((id) => row('Trop Grand', id))].join('\n'), 'NATIONAL', `${small.origin}/import/applications.csv`);
      expect([result.status, result.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(await statusOf(ids[0])).toEqual([]);
    });
  });
});
