import type { DataSource } from 'typeorm';
import { importApplications } from './import';

/** `import FILE.csv [--rejects FILE]`: the bulk import, with a one-line summary on stdout. */
export async function importCommand(db: DataSource, args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run import -- FILE.csv [--rejects REJECTS.csv]');
  const i = args.indexOf('--rejects');
  const summary = await importApplications(db, file, i >= 0 ? args[i + 1] : undefined);
  process.stdout.write(
    `${summary.rows} rows: ${summary.imported} imported, ${summary.alreadyImported} already imported, ` +
      `${summary.rejected} rejected (see ${summary.rejectFile}) in ${summary.seconds.toFixed(2)} s\n`,
  );
}
