import type { DataSource } from 'typeorm';
import { ANONYMOUS, envBool, envInt, log } from '@moukawil/kit/core';
import { insertMany, queryGraph } from '@moukawil/kit/subgraph';

interface Row {
  indicatorCode: string;
  scope: string;
  fromYear: number;
  toYear: number;
  target: number | null;
  actual: number | null;
}

const FIELDS = 'indicatorCode scope fromYear toYear target actual';

/**
 * Records today's live actuals of the national and the 12 regional scorecards of `year`, read
 * through the gateway like any public client (actuals are public aggregates). One row per
 * indicator, scope, period and day: running it twice a day keeps the latest values.
 */
export async function takeSnapshot(db: DataSource, year = new Date().getUTCFullYear(), day = new Date().toISOString().slice(0, 10)): Promise<number> {
  const data = await queryGraph<{ scorecards: Array<{ statuses: Row[] }> }>(
    `query Snapshot($year: Int!) { scorecards(year: $year) { statuses { ${FIELDS} } } }`,
    { year },
    ANONYMOUS,
    30_000,
  );
  const rows = data.scorecards.flatMap((card) => card.statuses);
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM indicator_snapshot WHERE day = $1 AND to_year >= $2 AND from_year <= $2`, [day, year]);
    await insertMany(
      tx,
      'indicator_snapshot',
      [
        ['day', 'date'],
        ['indicator_code', 'varchar'],
        ['scope', 'varchar'],
        ['from_year', 'int'],
        ['to_year', 'int'],
        ['target', 'float8'],
        ['actual', 'float8'],
      ],
      rows.map((r) => [day, r.indicatorCode, r.scope, r.fromYear, r.toYear, r.target, r.actual]),
    );
  });
  return rows.length;
}

/** `snapshot [--year Y]`: one snapshot now (the system must be running). */
export async function snapshotCommand(db: DataSource, args: string[]): Promise<void> {
  const i = args.indexOf('--year');
  const year = i >= 0 ? Number(args[i + 1]) : new Date().getUTCFullYear();
  const count = await takeSnapshot(db, year);
  process.stdout.write(`snapshot of ${count} indicator statuses for ${year} recorded\n`);
}

/**
 * While the subgraph runs: a snapshot shortly after start (SNAPSHOT_DELAY_SECONDS), then every
 * SNAPSHOT_INTERVAL_HOURS; SNAPSHOT_SCHEDULE=off disables it. It reads the figures through the
 * gateway, which may start after this subgraph or be away for a while: a failed snapshot is tried
 * again every SNAPSHOT_RETRY_SECONDS until one is recorded, rather than waiting a whole interval.
 */
export function snapshotSchedule(db: DataSource): () => void {
  if (!envBool('SNAPSHOT_SCHEDULE', true)) return () => undefined;
  const retrySeconds = envInt('SNAPSHOT_RETRY_SECONDS', 10, 1);
  let retry: NodeJS.Timeout | undefined;
  const run = () => {
    clearTimeout(retry);
    takeSnapshot(db).then(
      (count) => log.info({ count }, 'indicator snapshot recorded'),
      (error) => {
        log.warn({ err: error, retryInSeconds: retrySeconds }, 'indicator snapshot failed; trying again');
        retry = setTimeout(run, retrySeconds * 1000).unref();
      },
    );
  };
  const first = setTimeout(run, envInt('SNAPSHOT_DELAY_SECONDS', 60, 0) * 1000);
  const every = setInterval(run, envInt('SNAPSHOT_INTERVAL_HOURS', 24, 1) * 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearTimeout(retry);
    clearInterval(every);
  };
}
