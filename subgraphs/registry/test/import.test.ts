import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql, ok } from '../../../test/support';
import { regionStats, sql } from './helpers';

// Imports into Guelmim-Oued Noun (MA-10), this file's own region (test/regions.ts): no other suite writes there.
const ENTRY = join(__dirname, '..', 'dist', 'main.js');
const HEADER = 'fullName,nationalId,gender,birthDate,region,activityCode,province,phone,segment,submittedAt';
const env = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_PREFIX: 'test_', LOG_LEVEL: 'silent' };
const dir = mkdtempSync(join(tmpdir(), 'moukawil-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runImport(file: string, rejects: string) {
  return spawnSync(process.execPath, [ENTRY, 'import', file, '--rejects', rejects], { env, encoding: 'utf8', timeout: 120_000 });
}

const countOf = async (cins: string[]) => (await sql('SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = ANY($1)', [cins]))[0].n;

describe('npm run import', () => {
  it('imports valid rows, writes rejected ones with their reasons, and changes nothing the second time', async () => {
    const base = randomInt(1_000_000, 9_000_000);
    const cin = (i: number) => `ZI${base + i}`;
    const rows = [
      `Nadia Bennani,${cin(1)},FEMALE,1991-05-02,MA-10,S-05,MA-10-GUE,0612345678,STUDENT,2025-03-01T10:00:00Z`,
      `Omar Tazi,${cin(2)},male,1985-01-20,MA-10,C-01,,,,`,
      `"Karim El Idrissi",${cin(3)},MALE,1980-01-01,MA-10,A-02,MA-10-TNT,,TRADITIONAL_OR_INFORMAL,2024-11-30T09:00:00Z`,
      `Bad Cin,123,MALE,1980-01-01,MA-10,C-01,,,,`,
      `Young One,${cin(4)},FEMALE,2012-01-01,MA-10,C-01,,,,`,
      `Lawyer Guy,${cin(5)},MALE,1980-01-01,MA-10,X-02,,,,`,
      `Nadia Bennani,${cin(1)},FEMALE,1991-05-02,MA-10,S-05,MA-10-GUE,0612345678,STUDENT,2025-03-01T10:00:00Z`,
      `Other Person,${cin(1)},FEMALE,1992-05-02,MA-10,S-05,,,,`,
      `Wrong Province,${cin(6)},FEMALE,1992-05-02,MA-10,S-05,MA-02-OUJ,,,`,
      `No Activity,${cin(7)},FEMALE,1992-05-02,MA-10,,,,,`,
    ];
    const file = join(dir, 'applications.csv');
    const rejects = join(dir, 'rejects.csv');
    writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
    const before2025 = await regionStats('MA-10', 2025);

    const first = runImport(file, rejects);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('10 rows: 3 imported, 0 already imported, 7 rejected');
    const rejected = readFileSync(rejects, 'utf8');
    const reasons = rejected
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => [Number(line.split(',')[0]), line.slice(line.lastIndexOf(',') + 1)]);
    expect(reasons.map(([line]) => line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(rejected).toContain('nationalId: The national ID (CIN) must be one or two letters followed by digits');
    expect(rejected).toContain('birthDate: The applicant must be 18 or older');
    expect(rejected).toContain('excluded from the auto-entrepreneur status');
    expect(rejected).toContain('duplicate of line 2');
    expect(rejected).toContain('already has a live application or registration');
    expect(rejected).toContain('not in the region MA-10');
    expect(rejected).toContain('activityCode is missing');
    expect(await countOf([1, 2, 3, 4, 5, 6, 7].map(cin))).toBe(3);
    expect((await regionStats('MA-10', 2025)).applications).toBe(before2025.applications + 1);
    const imported = await sql(
      `SELECT a.status, a.submitted_at, e.actor_subject FROM auto_entrepreneur a JOIN registry_event e ON e.auto_entrepreneur_id = a.id WHERE a.national_id = $1`,
      [cin(3)],
    );
    expect(imported).toEqual([{ status: 'SUBMITTED', submitted_at: new Date('2024-11-30T09:00:00Z'), actor_subject: 'import:applications.csv' }]);

    const snapshot = await sql(`SELECT id, national_id FROM auto_entrepreneur WHERE region_code = 'MA-10' ORDER BY id`);
    const second = runImport(file, rejects);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('10 rows: 0 imported, 3 already imported, 7 rejected');
    expect(readFileSync(rejects, 'utf8')).toBe(rejected);
    expect(await sql(`SELECT id, national_id FROM auto_entrepreneur WHERE region_code = 'MA-10' ORDER BY id`)).toEqual(snapshot);
    expect((await regionStats('MA-10', 2025)).applications).toBe(before2025.applications + 1);
  });

  it("writes names and the file's name exactly as given (accents, Arabic, apostrophes; a backslash and a tab in the file name)", async () => {
    const base = randomInt(1_000_000, 9_000_000);
    const names = ["Zoé D'Aubigné-Léger", 'فاطمة الزهراء العلوي', 'Ḥassan Aït Ba.'];
    const file = join(dir, 'export\\2025\tavril.csv');
    writeFileSync(file, [HEADER, ...names.map((name, i) => `"${name}",ZN${base + i},FEMALE,1990-01-01,MA-10,C-01,,,,2025-04-01T08:00:00Z`)].join('\n') + '\n');
    const run = runImport(file, join(dir, 'names.rejects.csv'));
    expect(run.stdout).toContain('3 rows: 3 imported');
    const written = await sql(
      `SELECT a.full_name, e.actor_subject FROM auto_entrepreneur a JOIN registry_event e ON e.auto_entrepreneur_id = a.id WHERE a.national_id = ANY($1) ORDER BY a.national_id`,
      [names.map((_, i) => `ZN${base + i}`)],
    );
    expect(written).toEqual(names.map((name) => ({ full_name: name, actor_subject: 'import:export\\2025\tavril.csv' })));
  });

  it('loses and duplicates nothing when killed half-way and run again', async () => {
    const base = randomInt(1_000_000, 8_000_000);
    const total = 20_000;
    const cins = Array.from({ length: total }, (_, i) => `ZK${base + i}`);
    const file = join(dir, 'big.csv');
    writeFileSync(
      file,
      [HEADER, ...cins.map((cin, i) => `Salma Ziani,${cin},FEMALE,1990-06-01,MA-10,C-0${(i % 9) + 1},,,,2025-06-01T08:00:00Z`)].join('\n') + '\n',
    );
    const before = await regionStats('MA-10', 2025);

    const child = spawn(process.execPath, [ENTRY, 'import', file, '--rejects', join(dir, 'big-rejects.csv')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        if (/import\s+\d+%/.test(chunk.toString())) child.kill('SIGKILL');
      });
      child.once('exit', () => resolve());
    });
    const partial = await countOf(cins);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);
    expect(partial % 1000).toBe(0); // whole batches only: each one is a transaction

    const rerun = runImport(file, join(dir, 'big-rejects.csv'));
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`${total} rows: ${total - partial} imported, ${partial} already imported, 0 rejected`);
    expect(await countOf(cins)).toBe(total);
    expect((await sql('SELECT count(DISTINCT national_id)::int AS n FROM auto_entrepreneur WHERE national_id = ANY($1)', [cins]))[0].n).toBe(total);
    expect((await regionStats('MA-10', 2025)).applications).toBe(before.applications + total);
  });

  it('keeps the first of two rows with one CIN even when their batches are written at the same time', async () => {
    const base = randomInt(1_000_000, 8_000_000);
    const cins = Array.from({ length: 2_500 }, (_, i) => `ZD${base + i}`);
    cins[2_399] = cins[9]; // line 2,401 repeats line 11's CIN, two batches later
    const file = join(dir, 'twice.csv');
    writeFileSync(
      file,
      [HEADER, ...cins.map((cin, i) => `${i === 2_399 ? 'Other Person' : 'Salma Ziani'},${cin},FEMALE,1990-06-01,MA-10,C-01,,,,2025-07-01T08:00:00Z`)].join(
        '\n',
      ) + '\n',
    );
    const result = runImport(file, join(dir, 'twice-rejects.csv'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2500 rows: 2499 imported, 0 already imported, 1 rejected');
    expect(readFileSync(join(dir, 'twice-rejects.csv'), 'utf8')).toMatch(/^2401,Other Person,.*already has a live application or registration \(line 11\)$/m);
    expect(await sql('SELECT full_name FROM auto_entrepreneur WHERE national_id = $1', [cins[9]])).toEqual([{ full_name: 'Salma Ziani' }]);
  });

  it('recognises a row it imported even after the application was rejected, and gives new people time-ordered ids', async () => {
    const base = randomInt(1_000_000, 8_000_000);
    const file = join(dir, 'later.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `Hind Alaoui,ZR${base},FEMALE,1993-02-03,MA-10,S-05,,,,2025-08-01T08:00:00Z`,
        `Ali Amrani,ZR${base + 1},MALE,1989-02-03,MA-10,C-01,,,,2025-08-01T08:00:01Z`,
      ].join('\n') + '\n',
    );
    expect(runImport(file, join(dir, 'later-rejects.csv')).stdout).toContain('2 rows: 2 imported');
    const [first, second] = await sql('SELECT id FROM auto_entrepreneur WHERE national_id = ANY($1) ORDER BY national_id', [[`ZR${base}`, `ZR${base + 1}`]]);
    for (const { id } of [first, second]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.id.slice(0, 8)).toBe(second.id.slice(0, 8)); // both lead with the same time stamp (its first 32 bits change every 65 s)

    ok(await gql(`mutation($id: ID!) { rejectApplication(id: $id, reason: "Dossier incomplet") { status } }`, { as: 'NATIONAL', variables: { id: first.id } }));
    const again = spawnSync(process.execPath, [ENTRY, 'import', file, '--rejects', join(dir, 'later-rejects.csv')], {
      env: { ...env, LOG_LEVEL: 'info' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(again.stdout).toContain('2 rows: 0 imported, 2 already imported, 0 rejected');
    const audit = again.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((line) => line.audit);
    expect(audit).toEqual([
      expect.objectContaining({ audit: 'write', action: 'IMPORT', actor: 'import:later.csv', file: 'later.csv', rows: 2, imported: 0, alreadyImported: 2 }),
    ]);
    expect(await countOf([`ZR${base}`, `ZR${base + 1}`])).toBe(2);
  });
});
