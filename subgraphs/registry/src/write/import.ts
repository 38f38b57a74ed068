import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { GraphQLError } from 'graphql';
import { badInput, forbidden, type Viewer } from '@moukawil/kit/core';
import type { DataSource, EntityManager } from 'typeorm';
import { copyEntities, recordWrite, textArg, uuidv7 } from '@moukawil/kit/subgraph';
import type { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { EventKind, RegistrationStatus } from '../entities/enums';
import { RegistryEvent } from '../entities/RegistryEvent';
import type { ApplicationInput } from '../entities/inputs';
import { LIVE_CIN_MESSAGE, loadActivities, newApplication, validateApplication, type ValidApplication } from './application';
import { historyEntry } from './history';
import { addApplicationsToRollup } from './rollup';
import { LIVE_STATUSES } from '../rules/lifecycle';

/** The CSV header of an import file (docs/operations.md, "Bulk import"); the first six are required. */
export const IMPORT_COLUMNS = ['fullName', 'nationalId', 'gender', 'birthDate', 'region', 'activityCode', 'province', 'phone', 'segment', 'submittedAt'];
const REQUIRED = IMPORT_COLUMNS.slice(0, 6);
const BATCH = 1_000;
const WRITERS = Math.min(4, Math.max(2, availableParallelism())); // transactions at once (see importApplications)
const REGISTER_OPENED = Date.UTC(2015, 8, 1);

export interface ImportSummary {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: number;
  rejectFile: string;
  seconds: number;
}

interface Row {
  line: number;
  values: Record<string, string>;
}

interface Accepted {
  line: number;
  key: string;
  valid: ValidApplication;
  submittedAt: Date;
}

/** Same row, same key: what makes a second run change nothing (a missing date stays missing, not "now"). */
function importKey(valid: ValidApplication, submittedAt: string | undefined): string {
  const identity = [valid.nationalId, valid.fullName.toLowerCase(), valid.birthDate, valid.region, valid.activity.code, submittedAt ?? ''];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

function checkRow(row: Row, activities: Map<string, Activity>, now: Date): Accepted | string {
  const v = row.values;
  for (const column of REQUIRED) if (!v[column]) return `${column} is missing`;
  let submittedAt = now;
  if (v.submittedAt) {
    submittedAt = new Date(v.submittedAt);
    if (Number.isNaN(submittedAt.getTime())) return `submittedAt: "${v.submittedAt}" is not an ISO date`;
    if (submittedAt.getTime() < REGISTER_OPENED || submittedAt > now) return 'submittedAt: must be between September 2015 and now';
  }
  const input: ApplicationInput = {
    fullName: v.fullName,
    nationalId: v.nationalId,
    gender: v.gender?.toUpperCase() as ApplicationInput['gender'],
    birthDate: v.birthDate,
    region: v.region,
    activityCode: v.activityCode,
    province: v.province || null,
    phone: v.phone || null,
    segment: (v.segment || null) as ApplicationInput['segment'],
  };
  try {
    // Age is checked on the day of the application.
    const valid = validateApplication(input, activities, submittedAt);
    return { line: row.line, valid, submittedAt, key: importKey(valid, v.submittedAt || undefined) };
  } catch (error) {
    if (error instanceof GraphQLError) return `${error.extensions.field ?? 'row'}: ${error.message}`;
    throw error;
  }
}

/** Writes one batch in one transaction; returns the rejections found against the database. */
async function writeBatch(
  tx: EntityManager,
  accepted: Accepted[],
  actor: string,
  durable: boolean,
): Promise<{ imported: number; already: number; rejected: Array<[number, string]> }> {
  // A file's batch is durable once the import's last flush commits (see importApplications): a run
  // killed before that loses only batches that a second run writes again. A batch sent through the
  // graph is answered as written: it commits as every other write does.
  if (!durable) await tx.query(`SET LOCAL synchronous_commit = off`);
  // Every row of these CINs, whatever its status: the same import key is a row already imported
  // (found through the CIN's index, so the key itself needs none); a live one is a refusal.
  const existing: Array<{ national_id: string; import_key: string | null; status: string }> = await tx.query(
    `SELECT national_id, import_key, status FROM auto_entrepreneur WHERE national_id = ANY($1)`,
    [accepted.map((a) => a.valid.nationalId)],
  );
  const known = new Set(existing.map((r) => r.import_key));
  const live = new Set(existing.filter((r) => (LIVE_STATUSES as string[]).includes(r.status)).map((r) => r.national_id));
  const fresh = accepted.filter((a) => !known.has(a.key));
  const rejected: Array<[number, string]> = [];
  const rows: Accepted[] = [];
  for (const a of fresh) {
    if (live.has(a.valid.nationalId)) rejected.push([a.line, `nationalId: ${LIVE_CIN_MESSAGE}`]);
    else rows.push(a); // a CIN twice in the file never reaches here: the parse keeps the first
  }
  const ids = rows.map(() => uuidv7());
  await copyEntities(
    tx,
    AutoEntrepreneur,
    rows.map(({ valid, submittedAt, key }, i) => newApplication(valid, ids[i], submittedAt, key)),
  );
  await copyEntities(
    tx,
    RegistryEvent,
    rows.map(({ submittedAt }, i) =>
      historyEntry({ subject: actor, role: 'NATIONAL' }, ids[i], EventKind.SUBMITTED, { toStatus: RegistrationStatus.SUBMITTED }, submittedAt),
    ),
  );
  await addApplicationsToRollup(
    tx,
    rows.map(({ valid: v, submittedAt }) => ({
      regionCode: v.region,
      year: submittedAt.getUTCFullYear(),
      segment: v.segment,
      activityCategory: v.activity.category,
      gender: v.gender,
    })),
  );
  return { imported: rows.length, already: accepted.length - fresh.length, rejected };
}

/**
 * Work in one transaction, tried again (whole) when PostgreSQL refused it for a reason that
 * another writer caused: a CIN made live meanwhile by an advisor (unique violation; the retry's
 * check then finds it and rejects the row), or a deadlock.
 */
async function retried<T>(db: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= 5 || (code !== '23505' && code !== '40P01')) throw error;
    }
  }
}

/** Lines holding more than spaces, tabs and line ends, counted in the file's bytes (for the progress bar). */
function nonBlankLines(bytes: Buffer): number {
  let lines = 0;
  let blank = true;
  for (const byte of bytes) {
    if (byte === 0x0a) {
      if (!blank) lines++;
      blank = true;
    } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) blank = false;
  }
  return blank ? lines : lines + 1;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A progress bar on a terminal, a line every tenth elsewhere. */
function progress(total: number): (done: number, counts: string) => void {
  let lastTenth = -1;
  const started = Date.now();
  return (done, counts) => {
    const share = total === 0 ? 1 : done / total;
    const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    const text = `${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} rows · ${counts} · ${rate.toLocaleString('en')} rows/s`;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`);
      if (done >= total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`import ${text}\n`);
    }
  };
}

/**
 * Loads applications from a CSV file: every row checked with the rules of submitApplication,
 * valid rows written in batches of 1,000 (one transaction each), rejected rows written with
 * their reasons to the reject file. Idempotent: a row already imported is skipped, so a run
 * killed half-way can simply be run again.
 */
export async function importApplications(db: DataSource, file: string, rejectFile = `${file}.rejects.csv`, now = new Date()): Promise<ImportSummary> {
  const started = Date.now();
  const total = Math.max(nonBlankLines(readFileSync(file)) - 1, 0);
  const activities = await loadActivities(db.manager);
  const actor = `import:${basename(file)}`;
  const rejects: Array<[number, string]> = [];
  const summary = { rows: 0, imported: 0, alreadyImported: 0, rejected: 0 };
  const report = progress(total);
  let header: string[] = [];
  let batch: Accepted[] = [];
  const reject = (line: number, values: Record<string, string>, reason: string) => {
    summary.rejected++;
    rejects.push([line, [line, ...header.map((h) => values[h] ?? ''), reason].map((c) => csvCell(String(c))).join(',')]);
  };
  let valuesByLine = new Map<number, Record<string, string>>();
  const seen = new Map<string, number>(); // import key -> first line with it in this file
  const cins = new Map<string, number>(); // CIN -> first line with it in this file: the first one wins
  // Up to WRITERS batches are written at once while the next is parsed: PostgreSQL's index upkeep is most
  // of an import's cost, and one transaction keeps one core busy. Batches of one file never
  // collide (keys and CINs are made unique above), so their order does not matter.
  const writes = new Set<Promise<void>>();
  let failure: unknown = null;
  const flush = async () => {
    if (batch.length === 0) return;
    const [rows, values, upTo] = [batch, valuesByLine, summary.rows];
    batch = [];
    valuesByLine = new Map();
    while (writes.size >= WRITERS) await Promise.race(writes);
    if (failure) throw failure;
    const write: Promise<void> = retried(db.manager, (tx) => writeBatch(tx, rows, actor, false))
      .then(
        (result) => {
          summary.imported += result.imported;
          summary.alreadyImported += result.already;
          for (const [line, reason] of result.rejected) reject(line, values.get(line)!, reason);
          report(upTo, `${summary.imported} new, ${summary.alreadyImported} already there, ${summary.rejected} rejected`);
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => writes.delete(write));
    writes.add(write);
  };

  const parser = createReadStream(file).pipe(
    parse({ columns: (names: string[]) => (header = names.map((n) => n.trim())), bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let line = 1;
  for await (const values of parser as AsyncIterable<Record<string, string>>) {
    if (line === 1) {
      const unknown = header.filter((h) => !IMPORT_COLUMNS.includes(h));
      const missing = REQUIRED.filter((c) => !header.includes(c));
      if (unknown.length || missing.length) {
        throw new Error(
          `bad CSV header: ${[...missing.map((m) => `missing ${m}`), ...unknown.map((u) => `unknown ${u}`)].join(', ')}; expected ${IMPORT_COLUMNS.join(',')}`,
        );
      }
    }
    line++;
    summary.rows++;
    const checked = checkRow({ line, values }, activities, now);
    if (typeof checked === 'string') reject(line, values, checked);
    else if (seen.has(checked.key)) reject(line, values, `duplicate of line ${seen.get(checked.key)}`);
    else if (cins.has(checked.valid.nationalId)) reject(line, values, `nationalId: ${LIVE_CIN_MESSAGE} (line ${cins.get(checked.valid.nationalId)})`);
    else {
      seen.set(checked.key, line);
      cins.set(checked.valid.nationalId, line);
      batch.push(checked);
      valuesByLine.set(line, values);
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await Promise.all(writes);
  if (failure) throw failure;
  // One synchronous commit flushes the write-ahead log past every batch's asynchronous one.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_current_xact_id()`);
  }); // an xid, so its commit is flushed
  report(summary.rows, `${summary.imported} new, ${summary.alreadyImported} already there, ${summary.rejected} rejected`);
  rejects.sort((a, b) => a[0] - b[0]);
  writeFileSync(rejectFile, [['line', ...header, 'reason'].join(','), ...rejects.map(([, text]) => text)].join('\n') + '\n');
  // The people's history holds one SUBMITTED entry each (actor import:<file>); the log, one line per run.
  await recordWrite(db.manager, { subject: actor, role: 'NATIONAL', region: null, token: null }, 'IMPORT', { file: basename(file), ...summary });
  return { ...summary, rejectFile, seconds: (Date.now() - started) / 1000 };
}

/** A row of an import sent through the graph: its line in the file, and its cells as they were. */
export interface ImportRow {
  line: number;
  values: Record<string, string>;
}

export interface ImportBatchSummary {
  imported: number;
  alreadyImported: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** The most rows one batch may carry through the graph: a request body stays small. */
export const IMPORT_BATCH_ROWS = 200;

/**
 * One batch of an import sent through the graph (the gateway reads the file and sends it 200 rows
 * at a time): each row checked as in a file import, the valid ones written in one transaction,
 * idempotent by the same import key (a batch sent twice changes nothing the second time), one
 * audit entry per batch naming its source.
 */
export async function importBatch(db: EntityManager, viewer: Viewer, source: string, rows: ImportRow[], now = new Date()): Promise<ImportBatchSummary> {
  if (viewer.role !== 'NATIONAL') throw forbidden('Imports of applications are for the national office');
  const name = textArg(source, 'source', 1, 200);
  if (rows.length > IMPORT_BATCH_ROWS) throw badInput(`A batch holds at most ${IMPORT_BATCH_ROWS} rows`, 'rows');
  const activities = await loadActivities(db);
  const rejected: Array<{ line: number; reason: string }> = [];
  const accepted: Accepted[] = [];
  const [keys, cins] = [new Set<string>(), new Set<string>()];
  for (const row of rows) {
    const values = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, String(v ?? '').trim()]));
    const checked = checkRow({ line: row.line, values }, activities, now);
    if (typeof checked === 'string') rejected.push({ line: row.line, reason: checked });
    else if (keys.has(checked.key) || cins.has(checked.valid.nationalId)) rejected.push({ line: row.line, reason: `nationalId: ${LIVE_CIN_MESSAGE}` });
    else {
      keys.add(checked.key);
      cins.add(checked.valid.nationalId);
      accepted.push(checked);
    }
  }
  const actor = `import:${name}`;
  return retried(db, async (tx) => {
    const written = accepted.length ? await writeBatch(tx, accepted, actor, true) : { imported: 0, already: 0, rejected: [] };
    const all = [...rejected, ...written.rejected.map(([line, reason]) => ({ line, reason }))].sort((a, b) => a.line - b.line);
    const summary = { imported: written.imported, alreadyImported: written.already, rejected: all };
    await recordWrite(tx, viewer, 'IMPORT', {
      source: name,
      rows: rows.length,
      imported: summary.imported,
      alreadyImported: summary.alreadyImported,
      rejected: all.length,
    });
    return summary;
  });
}
