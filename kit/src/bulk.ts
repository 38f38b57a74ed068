import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Multi-row INSERT in batches: the fast path for seeds and imports (one statement per
 * `batch` rows, parameters bound, never interpolated).
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  batch = Math.floor(60_000 / Math.max(columns.length, 1)),
): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${row.map((value) => { params.push(value); return `$${params.length}`; }).join(', ')})`);
    await manager.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

/**
 * Bulk INSERT through `unnest` of one array per column: one statement and few parameters per
 * batch, several times faster than multi-row VALUES for large loads (seeds, imports).
 */
export async function insertArrays(
  manager: EntityManager,
  table: string,
  columns: Array<[name: string, pgType: string]>,
  rows: unknown[][],
  batch = 20_000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const arrays = columns.map((_, c) => slice.map((row) => row[c]));
    await manager.query(
      `INSERT INTO "${table}" (${columns.map(([n]) => `"${n}"`).join(', ')})
       SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
      arrays,
    );
  }
}

/**
 * A time-ordered UUID (RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits) for
 * rows written in bulk: consecutive ids land on the right edge of the primary key's b-tree, and
 * the history rows that reference them find their parents on pages already in memory, where
 * random (v4) ids touch a page anywhere in the index for every row.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
