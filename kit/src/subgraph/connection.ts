import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE, decodeCursor, encodeCursor, invalidCursor } from './pagination';

/** Shareable: every subgraph with a keyset list returns the same PageInfo. */
@Directive('@shareable')
@ObjectType({ description: 'Pagination state of a page.' })
export class PageInfo {
  @Field({ description: 'True when more rows follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page.' })
  endCursor!: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): boolean => UUID.test(String(value));

/** The cursor of a list ordered by (a time, a UUID): the lists of people and of enrolments. */
export function decodeTimeIdCursor(after: string | null | undefined): [string, string] | null {
  const key = decodeCursor(after, 2);
  if (key === null) return null;
  if (Number.isNaN(Date.parse(String(key[0]))) || !isUuid(key[1])) throw invalidCursor();
  return key as [string, string];
}

/** The cursor of a list ordered by (a region code, a UUID): the advisor network. */
export function decodeRegionIdCursor(after: string | null | undefined): [string, string] | null {
  const key = decodeCursor(after, 2);
  if (key === null) return null;
  if (!/^MA-\d{2}$/.test(String(key[0])) || !isUuid(key[1])) throw invalidCursor();
  return key as [string, string];
}

/** A page of rows as a connection: edges with their cursors (the row's sort key), page info, total. */
export function connectionOf<T>(rows: T[], hasNextPage: boolean, totalCount: number, sortKey: (row: T) => unknown[]) {
  const edges = rows.map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * The `<Name>Edge` and `<Name>Connection` types of a keyset list of `node` (one per list, the same
 * shape in every subgraph). `one` and `many` name the rows in the descriptions.
 */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function connectionType<T extends object>(
  node: ClassType<T>,
  name: string,
  one: string,
  many: string,
  order = 'oldest application first',
): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge of a page of ${many}.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this row; pass it as "after" to read on.' })
    cursor!: string;

    @Field(() => node, { description: `The ${one}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${many}, ${order} (keyset pagination: every page costs the same).` })
  class Page {
    @Field(() => [Edge], { description: 'The rows of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more rows follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of rows matching the filters, all pages together.' })
    totalCount!: number;
  }
  return Page;
}

/** The two arguments of every keyset list (`@Args() page: PageArgs` beside the list's filters). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE, description: `Page size, 1 to 500 (default ${DEFAULT_PAGE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row already read (pageInfo.endCursor).' })
  after?: string | null;
}

/**
 * One keyset page of `query` (its filters already set) ordered by `order` (property paths and their
 * PostgreSQL types, the last one unique), after the sort key `after`, and the count of all matching
 * rows (`count` when the caller knows a cheaper way to it). With an index on the filters then the
 * order, page 500 costs what page 1 costs. Every list that grows with the data pages through here.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: Array<[path: string, pgType: string]>,
  after: unknown[] | null,
  size: number,
  count?: () => Promise<number>,
): Promise<{ rows: T[]; hasNextPage: boolean; totalCount: number }> {
  const counting = count ? count() : query.clone().getCount();
  if (after) {
    const bound = order.map(([, type], i) => `CAST(:key${i} AS ${type})`).join(', ');
    query.andWhere(`(${order.map(([path]) => path).join(', ')}) > (${bound})`, Object.fromEntries(after.map((value, i) => [`key${i}`, value])));
  }
  order.forEach(([path], i) => (i === 0 ? query.orderBy(path, 'ASC') : query.addOrderBy(path, 'ASC')));
  const [rows, totalCount] = await Promise.all([query.take(size + 1).getMany(), counting]);
  return { rows: rows.slice(0, size), hasNextPage: rows.length > size, totalCount };
}
