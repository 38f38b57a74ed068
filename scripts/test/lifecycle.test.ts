import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/ports';
import { token } from '../../test/support';

const ROOT = join(__dirname, '..', '..');
/** Every port `npm start` opens, each free here: a developer's own `npm start` beside the suite keeps its ports. */
const SERVICES = ['GATEWAY', 'REGIONS', 'REGISTRY', 'PROGRAMS', 'INDICATORS', 'IDENTITY'];

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm start` as a user runs it (the built supervisor), in its own data folder and ports. */
function start(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'dist', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Moukawil Graph is up')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited (${code}) before it was up:\n${output.slice(-3000)}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

async function query(port: number, q: string, variables?: Record<string, unknown>) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token('NATIONAL')}` },
    body: JSON.stringify({ query: q, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'moukawil-start-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, stops cleanly on SIGTERM, reuses its data on the next start, and restarts a crashed subgraph', async () => {
    const ports: Record<string, number> = {};
    for (const name of SERVICES) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, MOUKAWIL_DATA_DIR: dataDir, SEED_REGISTRATIONS: '300', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    for (const name of SERVICES) env[`${name}_PORT`] = String(ports[name]);

    // First start: creates the database, migrates, seeds.
    const first = start(env);
    await first.ready;
    const combined = await query(
      ports.GATEWAY,
      `{ regions { code provinces { code } registrationStats { registered } programmes { code } scorecardFor(year: 2019) { statuses { status } } } }`,
    );
    expect(combined.errors).toBeUndefined();
    expect(combined.data.regions).toHaveLength(12);
    const submitted = await query(ports.GATEWAY, `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, {
      input: { fullName: 'Salma Ziani', nationalId: 'F9990001', gender: 'FEMALE', birthDate: '1990-06-01', region: 'MA-02', activityCode: 'C-09' },
    });
    expect(submitted.errors).toBeUndefined();
    const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));
    const postgresPort = Number(new URL(runtime.url).port);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (const port of [...Object.values(ports), postgresPort]) expect(await listening(port)).toBe(false);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    const leftovers = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDir));
    expect(leftovers).toEqual([]);

    // Second start: same data, nothing reseeded.
    const second = start(env);
    await second.ready;
    const again = await query(ports.GATEWAY, `query($id: ID!) { autoEntrepreneur(id: $id) { fullName status } nationalStats { applications } }`, {
      id: submitted.data.submitApplication.id,
    });
    expect(again.errors).toBeUndefined();
    expect(again.data.autoEntrepreneur).toEqual({ fullName: 'Salma Ziani', status: 'SUBMITTED' });
    expect(again.data.nationalStats.applications).toBe(301);

    // A subgraph that crashes is started again by the supervisor, with its data.
    const owner = execFileSync('ss', ['-ltnpH', `sport = :${ports.REGISTRY}`], { encoding: 'utf8' });
    const registryPid = Number(/pid=(\d+)/.exec(owner)?.[1]);
    expect(registryPid).toBeGreaterThan(0);
    process.kill(registryPid, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let back: { data?: any; errors?: unknown[] } = {};
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      back = await query(ports.GATEWAY, `{ nationalStats { applications } }`).catch(() => ({}));
      if (back.data?.nationalStats) break;
    }
    expect(back.data?.nationalStats.applications).toBe(301);
    expect(Number(/pid=(\d+)/.exec(execFileSync('ss', ['-ltnpH', `sport = :${ports.REGISTRY}`], { encoding: 'utf8' }))?.[1])).not.toBe(registryPid);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
