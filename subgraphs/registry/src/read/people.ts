import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { keysetPage } from '@moukawil/kit/subgraph';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import type { ActivityCategory, PopulationSegment, RegistrationStatus } from '../entities/enums';
import { lookUp, recordNameSearch, type SearchKind } from './lookups';
import { policy } from '../policy';
import { CIN_PATTERN } from '../rules/application';

export interface PageQuery {
  scope: string[] | 'ALL';
  status?: RegistrationStatus | null;
  segment?: PopulationSegment | null;
  activityCategory?: ActivityCategory | null;
  province?: string | null;
  search: string | null;
  size: number;
  after: [string, string] | null;
}

/** What a search term is: a CIN, an RNAE number, or part of a name. */
export function searchKind(term: string): { kind: SearchKind; key: string } {
  const trimmed = term.trim();
  if (trimmed.length < 2 || trimmed.length > 100) throw badInput('"search" takes 2 to 100 characters', 'search');
  const upper = trimmed.toUpperCase().replace(/\s+/g, '');
  if (CIN_PATTERN.test(upper)) return { kind: 'NATIONAL_ID', key: upper };
  if (/^RNAE-/.test(upper)) return { kind: 'REGISTRATION_NUMBER', key: upper };
  return { kind: 'NAME', key: trimmed.toLowerCase() };
}

/** The filters of a page that are not the search nor the cursor. */
function filtered(manager: EntityManager, q: PageQuery) {
  const query = manager.getRepository(AutoEntrepreneur).createQueryBuilder('a');
  if (q.scope !== 'ALL') query.andWhere('a.regionCode IN (:...regions)', { regions: q.scope });
  if (q.status) query.andWhere('a.status = :status', { status: q.status });
  if (q.segment) query.andWhere('a.segment = :segment', { segment: q.segment });
  if (q.activityCategory) query.andWhere('a.activityCategory = :category', { category: q.activityCategory });
  if (q.province) query.andWhere('a.provinceCode = :province', { province: q.province });
  return query;
}

/**
 * One keyset page (ordered by application date, then id) and the total count, with every filter
 * in SQL: page 500 costs what page 1 costs. A search is a lookup of personal data: audited, and
 * budgeted where it could undo a mask (lookups.ts).
 */
export async function findPage(
  db: EntityManager,
  viewer: Viewer,
  q: PageQuery,
): Promise<{ rows: AutoEntrepreneur[]; hasNextPage: boolean; totalCount: number }> {
  const search = q.search === null ? null : searchKind(q.search);
  if (search && search.kind !== 'NAME') {
    // A CIN or an RNAE number matches a handful of rows: fetch them by their index and page in memory
    // (ordered by date, the planner would rather walk the whole register looking for them).
    const column = search.kind === 'NATIONAL_ID' ? 'a.nationalId' : 'a.registrationNumber';
    const budgeted = search.kind === 'NATIONAL_ID' && policy.cinLookupIsBudgeted(viewer, q.scope);
    const matches = await lookUp(db, viewer, search.kind, budgeted, (tx) => filtered(tx, q).andWhere(`${column} = :key`, { key: search.key }).getMany());
    return pageInMemory(matches, q);
  }
  const query = filtered(db, q);
  if (search) query.andWhere('lower(a.fullName) LIKE :name', { name: `%${search.key.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  const count = search === null && !q.province ? () => countFromRollup(db, q) : undefined;
  const page = await keysetPage(
    query,
    [
      ['a.submittedAt', 'timestamptz'],
      ['a.id', 'uuid'],
    ],
    q.after,
    q.size,
    count,
  );
  if (search)
    await recordNameSearch(
      db,
      viewer,
      page.rows.map((a) => a.id),
      page.totalCount,
    );
  return page;
}

function pageInMemory(matches: AutoEntrepreneur[], q: PageQuery) {
  const key = (a: AutoEntrepreneur) => `${a.submittedAt.toISOString()}|${a.id}`;
  const sorted = matches.sort((a, b) => key(a).localeCompare(key(b)));
  const after = q.after ? `${new Date(q.after[0]).toISOString()}|${q.after[1]}` : '';
  const rest = sorted.filter((a) => key(a) > after);
  return { rows: rest.slice(0, q.size), hasNextPage: rest.length > q.size, totalCount: sorted.length };
}

/** How many people are in each status, from the flows of the rollup (exact: both move in one transaction). */
const STATUS_COUNT: Record<string, string> = {
  ALL: 'applications',
  SUBMITTED: 'applications - registered - rejected',
  REGISTERED: 'registered - struck_off',
  REJECTED: 'rejected',
  STRUCK_OFF: 'struck_off',
};

/** totalCount without scanning the register, when the filters are dimensions of the rollup. */
async function countFromRollup(db: EntityManager, q: PageQuery): Promise<number> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.scope !== 'ALL') where.push(`region_code = ANY($${params.push(q.scope)})`);
  if (q.segment) where.push(`segment = $${params.push(q.segment)}`);
  if (q.activityCategory) where.push(`category = $${params.push(q.activityCategory)}`);
  const [{ n }] = await db.query(
    `SELECT coalesce(sum(${STATUS_COUNT[q.status ?? 'ALL']}), 0)::int AS n FROM registry_rollup ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return n;
}
