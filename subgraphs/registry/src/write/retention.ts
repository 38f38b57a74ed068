import type { DataSource } from 'typeorm';
import { envInt, log } from '@moukawil/kit/core';
import { recordWrite } from '@moukawil/kit/subgraph';

/** Years after a strike-off that a person's details are kept (RETENTION_YEARS, default 10). */
export const retentionYears = () => envInt('RETENTION_YEARS', 10, 1);

const RETENTION = { subject: 'retention', role: null, region: null, token: null };

/**
 * Anonymises the people struck off more than `years` ago: name, CIN, phone and address are gone,
 * the birth date keeps its year; the rows stay, with their region, dates, activity, segment and
 * gender, so that every statistic, rollup and indicator is the same before and after. The details
 * a rectification kept in the history go too. One transaction; returns how many people.
 */
export async function anonymiseExpired(db: DataSource, years = retentionYears()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('moukawil.anonymising', 'on', true)`);
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [Array<{ id: string }>, number] = await tx.query(
      `UPDATE auto_entrepreneur SET full_name = 'Anonymisé', national_id = 'ANON', phone = NULL, address = NULL,
         birth_date = make_date(extract(year FROM birth_date)::int, 1, 1), anonymised_at = now()
       WHERE status = 'STRUCK_OFF' AND struck_off_at < now() - make_interval(years => $1) AND anonymised_at IS NULL
       RETURNING id`,
      [years],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.query(`UPDATE registry_event SET detail = NULL WHERE auto_entrepreneur_id = ANY($1) AND kind = 'DETAILS_RECTIFIED'`, [ids]);
    await recordWrite(tx, RETENTION, 'ANONYMISED', { years, people: ids.length }, ids);
    return ids.length;
  });
}

/** At start and every day, in the running registry. */
export function retentionSchedule(db: DataSource): () => void {
  const run = () =>
    anonymiseExpired(db).then(
      (count) => count > 0 && log.info({ count, years: retentionYears() }, 'people struck off past the retention period anonymised'),
      (error) => log.warn({ err: error }, 'anonymisation failed; retried tomorrow'),
    );
  void run();
  const timer = setInterval(run, 24 * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** `anonymise [--years N]`: the retention's anonymisation, now. */
export async function anonymiseCommand(db: DataSource, args: string[]): Promise<void> {
  const i = args.indexOf('--years');
  const count = await anonymiseExpired(db, i >= 0 ? Number(args[i + 1]) : retentionYears());
  process.stdout.write(`${count} people anonymised\n`);
}
