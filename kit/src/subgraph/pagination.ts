import { badInput } from '../core/errors';

/** Opaque keyset cursors: base64url of the sort key of the last row seen. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    /* falls through to the error below */
  }
  throw invalidCursor();
}

export function invalidCursor() {
  return badInput('The cursor "after" is not one this API gave out', 'after');
}

/** A page's size when `first` is not given (the connections' schema default, and their assumed size when it is null). */
export const DEFAULT_PAGE = 50;

export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE, max = 500): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput(`"first" must be between 1 and ${max}`, 'first');
  return size;
}
