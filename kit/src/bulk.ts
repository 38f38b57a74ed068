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
