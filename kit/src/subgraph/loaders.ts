import DataLoader from 'dataloader';

/** A DataLoader that loads one row per key with one query and answers in key order (null when missing). */
export function loaderByKey<K extends string | number, V>(load: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A DataLoader that loads the rows of many parents with one query, grouped per parent key. */
export function loaderOfLists<K extends string | number, V>(load: (keys: readonly K[]) => Promise<V[]>, parentOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await load(keys);
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(parentOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
