import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { exited, startSubgraph } from '../../test/subgraph';
import { eventually, gql, type GraphQLResult } from '../../test/support';

/**
 * Faults the shared test stack must not see: a PostgreSQL server of this suite's own, stopped and
 * started again under writes, and a registry over it, stopped with SIGTERM mid-request.
 */
const ROOT = join(__dirname, '..', '..');
const SUBMIT = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`;

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before "${pattern}":\n${output.slice(-2000)}`)));
  });
}

describe('recovery from faults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'moukawil-recovery-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root
  let postgresPort: number;
  let databaseUrl: string;
  let postgres: ChildProcess;
  let registry: ChildProcess;
  let registryPort: number;
  let gateway: ExtraGateway;

  const startPostgres = async () => {
    postgres = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'postgres-server.js'), join(dataDir, 'postgres'), String(postgresPort)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    databaseUrl = JSON.parse(await waitForLine(postgres, /^\{"url"/)).url;
  };
  const stopPostgres = async () => {
    postgres.kill('SIGTERM');
    expect(await exited(postgres)).toBe(0);
  };
  const startRegistry = async () => {
    registry = (await startSubgraph('registry', registryPort, { DATABASE_URL: databaseUrl, DATABASE_PREFIX: 'recovery_', SEED_REGISTRATIONS: '50' })).child;
  };
  const rows = async (nationalIds: string[]) => {
    const client = new Client({ connectionString: databaseUrl.replace(/\/postgres$/, '/recovery_registry') });
    await client.connect();
    try {
      return (await client.query(`SELECT national_id, count(*)::int AS n FROM auto_entrepreneur WHERE national_id = ANY($1) GROUP BY 1`, [nationalIds]))
        .rows as Array<{ national_id: string; n: number }>;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    [postgresPort, registryPort] = [await freePort(), await freePort()];
    await startPostgres();
    await startRegistry();
    gateway = await startGateway(await freePort(), {
      REGISTRY_URL: `http://127.0.0.1:${registryPort}/graphql`,
      RATE_LIMIT_PER_MINUTE: '0',
      CACHE_TTL_SECONDS: '0',
    });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    if (registry?.exitCode === null) registry.kill('SIGTERM');
    if (postgres?.exitCode === null) postgres.kill('SIGTERM');
    await Promise.all([registry && exited(registry), postgres && exited(postgres)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write and doubles none while the database restarts; the subgraph reconnects by itself', async () => {
    const stamp = Date.now() % 100_000;
    const nationalIds = Array.from({ length: 30 }, (_, i) => `RX${stamp}${String(i).padStart(2, '0')}`);
    const failures: string[] = [];
    let acknowledged = 0;
    // Each write is retried with its Idempotency-Key until it is acknowledged, as a careful client does.
    const write = async (nationalId: string) => {
      const input = { fullName: 'Nadia Reprise', nationalId, gender: 'FEMALE', birthDate: '1991-03-03', region: 'MA-08', activityCode: 'S-01' };
      for (let attempt = 0; attempt < 150; attempt++) {
        let result: GraphQLResult;
        try {
          result = await gql(SUBMIT, {
            as: 'NATIONAL',
            variables: { input },
            origin: gateway.origin,
            headers: { 'idempotency-key': `recovery-${nationalId}` },
          });
        } catch {
          failures.push('network');
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        expect(result.status).toBeLessThan(500);
        if (!result.errors) {
          acknowledged++;
          return;
        }
        failures.push(String(result.errors[0].extensions?.code));
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${nationalId} never acknowledged: ${failures.slice(-5).join(', ')}`);
    };
    const writers = [0, 1].map(async (lane) => {
      for (let i = lane; i < nationalIds.length; i += 2) await write(nationalIds[i]);
    });
    // Restart the database once a few writes are through.
    await eventually('six writes acknowledged before the outage', () => acknowledged >= 6, 30_000);
    await stopPostgres();
    // Down until a write has met the outage: the restart is then a recovery, not a blip nobody saw.
    await eventually('a write refused during the outage', () => failures.length > 0, 30_000);
    await startPostgres();
    await Promise.all(writers);

    expect(failures.length).toBeGreaterThan(0); // the outage was seen: this test did test something
    // Retry, with the same key, on these only: a write's answer is never lost with an outage (no CONFLICT).
    expect(failures.every((code) => ['SERVICE_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE', 'network'].includes(code))).toBe(true);
    expect(acknowledged).toBe(nationalIds.length);
    expect((await rows(nationalIds)).map((r) => r.n)).toEqual(nationalIds.map(() => 1));
    expect((await fetch(`http://127.0.0.1:${registryPort}/health`)).status).toBe(200);
  }, 120_000);

  it('keeps answering a dashboard while its registry is killed and started again', async () => {
    const DASHBOARD = `{ regions { code name registrationStats(year: 2019) { registered } programmes { code } } }`;
    const seen: GraphQLResult[] = [];
    let loading = true;
    const lanes = [0, 1].map(async () => {
      while (loading) seen.push(await gql(DASHBOARD, { origin: gateway.origin }));
    });
    await eventually('three dashboards answered before the kill', () => seen.length >= 3);
    registry.kill('SIGKILL');
    await exited(registry);
    await eventually('a dashboard answered while the registry is down', () => seen.some((r) => r.errors));
    await startRegistry();
    await eventually('a whole dashboard again', () => !seen.at(-1)?.errors && Boolean(seen.at(-1)?.data?.regions[0].registrationStats), 30_000, 50);
    loading = false;
    await Promise.all(lanes);

    expect(
      seen.every((r) => r.status === 200 && r.data.regions.length === 12 && r.data.regions.every((g: { programmes: unknown }) => g.programmes !== null)),
    ).toBe(true);
    const failed = seen.filter((r) => r.errors);
    expect(failed.length).toBeGreaterThan(0); // the outage was seen
    for (const r of failed) {
      expect(r.errors!.map((e) => e.extensions)).toEqual(r.errors!.map(() => expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'registry' })));
      expect(r.data.regions.every((g: { registrationStats: unknown }) => g.registrationStats === null)).toBe(true);
    }
    expect(seen.at(-1)!.errors).toBeUndefined(); // back by itself: the gateway needed no restart
  }, 60_000);

  it('finishes an in-flight request on SIGTERM before it closes the database, then exits cleanly', async () => {
    // A transaction holding the table makes one request wait, deterministically.
    const blocker = new Client({ connectionString: databaseUrl.replace(/\/postgres$/, '/recovery_registry') });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE auto_entrepreneur IN ACCESS EXCLUSIVE MODE');
    const inFlight = gql(`{ nationalStats { applications } autoEntrepreneurs(first: 1) { totalCount } }`, {
      as: 'NATIONAL',
      origin: `http://127.0.0.1:${registryPort}`,
    });
    const health = () =>
      fetch(`http://127.0.0.1:${registryPort}/health`).then(
        () => 'answered',
        () => 'refused',
      );
    // The request is in flight once its statement waits on the lock.
    // pg_stat_activity is read once a transaction unless its snapshot is cleared: the blocker holds one open.
    const waiting = async () =>
      (await blocker.query(`SELECT pg_stat_clear_snapshot()`)) &&
      (
        await blocker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n > 0;
    await eventually('the request waiting on the lock', waiting);
    registry.kill('SIGTERM');
    await eventually('health refused once it is stopping', async () => (await health()) === 'refused'); // no new request once it is stopping
    expect(registry.exitCode).toBeNull(); // while it still finishes the one in flight
    await blocker.query('ROLLBACK');
    await blocker.end();
    const result = await inFlight;
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data.autoEntrepreneurs.totalCount).toBeGreaterThan(0);
    expect(await exited(registry)).toBe(0);
  }, 60_000);
});
