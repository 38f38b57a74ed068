import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../../test/ports';
import { gql, ok, signedToken, sqlOn } from '../../test/support';

/**
 * The stack as docker-compose.yml starts it, without Docker: each service runs its compose command
 * with exactly the environment the file gives it (the shell's variables substituted as compose
 * would), its compose name resolved to loopback. Each container has a network of its own, where
 * all listen on their contract port; on one machine each gets a port of its own instead.
 */
const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const SERVICES = ['regions', 'registry', 'programs', 'indicators', 'gateway'] as const;
type Service = (typeof SERVICES)[number];

/** `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, as compose substitutes them from the shell. */
function substitute(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) => {
    if (shell[name]) return shell[name];
    if (kind === '?') throw new Error(`compose would refuse to start: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}

/** A service's environment from the file, its addresses resolved to this machine. */
function environmentOf(service: Service, shell: Record<string, string>, ports: Record<Service, number>, database: URL): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, raw] of Object.entries(compose.services[service].environment as Record<string, string>)) {
    let value = substitute(String(raw), shell);
    for (const other of SERVICES) value = value.replace(new RegExp(`^http://${other}:\\d+/`), `http://127.0.0.1:${ports[other]}/`);
    if (name === `${service.toUpperCase()}_PORT`) value = String(ports[service]);
    if (name === 'DATABASE_URL') value = value.replace('@postgres:5432/', `@${database.host}/`);
    env[name] = value;
  }
  return env;
}

const children: ChildProcess[] = [];
let gateway = '';

async function healthy(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`no health on ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const database = new URL(process.env.TEST_DATABASE_URL!);
  // The compose file's database role, on the test server.
  const [{ exists }] = await sqlOn('registry', `SELECT count(*) > 0 AS exists FROM pg_roles WHERE rolname = 'moukawil'`);
  if (!exists) await sqlOn('registry', `CREATE ROLE moukawil LOGIN SUPERUSER PASSWORD 'moukawil'`);
  const shell = { JWT_SECRET: process.env.JWT_SECRET!, SEED_REGISTRATIONS: '300', SNAPSHOT_DELAY_SECONDS: '1' };
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<Service, number>;
  const start = (service: Service) => {
    const [, ...args] = compose.services[service].command as string[]; // node <entry>
    const env = environmentOf(service, shell, ports, database);
    children.push(spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH!, ...env }, stdio: 'ignore' }));
    return healthy(ports[service]);
  };
  // depends_on: the subgraphs, then the gateway.
  await Promise.all((['regions', 'registry', 'programs', 'indicators'] as const).map(start));
  await start('gateway');
  gateway = `http://127.0.0.1:${ports.gateway}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
});

const national = { authorization: `Bearer ${signedToken({ subject: 'compose-test', role: 'NATIONAL' })}` };
const moukawil = (subgraph: 'indicators' | 'programs', sql: string, params: unknown[] = []) => sqlOn(subgraph, sql, params, 'moukawil_');

describe('the stack with the environment docker-compose.yml gives it', () => {
  it('enrols a person: the programs subgraph reads the person through the gateway', async () => {
    const input = {
      fullName: 'Nora Compose',
      nationalId: `ZC${randomInt(1_000_000, 10_000_000)}`,
      gender: 'FEMALE',
      birthDate: '1991-02-03',
      region: 'MA-09',
      activityCode: 'S-10',
    };
    const { submitApplication } = ok(
      await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { ...national, origin: gateway, variables: { input } }),
    );
    ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { id } }`, { ...national, origin: gateway, variables: { id: submitApplication.id } }));
    const enrolled = await gql(`mutation($input: EnrolmentInput!) { enrol(input: $input) { id beneficiary { fullName } } }`, {
      ...national,
      origin: gateway,
      variables: { input: { programme: 'INFITAH', autoEntrepreneur: submitApplication.id } },
    });
    expect(ok(enrolled).enrol.beneficiary.fullName).toBe('Nora Compose');
    const [{ n }] = await moukawil('programs', `SELECT count(*)::int AS n FROM enrolment WHERE auto_entrepreneur_id = $1`, [submitApplication.id]);
    expect(n).toBe(1);
  });

  it("records the day's indicator snapshot, read through the gateway", async () => {
    // The first one, a second after the indicators subgraph started, may find no gateway yet; it is tried again ten seconds later.
    const deadline = Date.now() + 40_000;
    const today = new Date().toISOString().slice(0, 10);
    let rows = 0;
    while (rows === 0 && Date.now() < deadline) {
      [{ n: rows }] = await moukawil('indicators', `SELECT count(*)::int AS n FROM indicator_snapshot WHERE day = $1`, [today]);
      if (rows === 0) await new Promise((r) => setTimeout(r, 300));
    }
    expect(rows).toBeGreaterThan(10);
  });
});
