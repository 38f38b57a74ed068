import type { DataSource } from 'typeorm';
import { badInput } from '@moukawil/kit';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import type { ActivityCategory, PopulationSegment, RegistrationStatus } from './entities/enums';
import { CIN_PATTERN } from './rules/application';

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

/**
 * One keyset page (ordered by application date, then id) and the total count, with every filter
 * in SQL: page 500 costs what page 1 costs.
 */
export async function findPage(db: DataSource, q: PageQuery): Promise<{ rows: AutoEntrepreneur[]; hasNextPage: boolean; totalCount: number }> {
  const query = db.getRepository(AutoEntrepreneur).createQueryBuilder('a');
  if (q.scope !== 'ALL') query.andWhere('a.regionCode IN (:...regions)', { regions: q.scope });
  if (q.status) query.andWhere('a.status = :status', { status: q.status });
  if (q.segment) query.andWhere('a.segment = :segment', { segment: q.segment });
  if (q.activityCategory) query.andWhere('a.activityCategory = :category', { category: q.activityCategory });
  if (q.province) query.andWhere('a.provinceCode = :province', { province: q.province });
  if (q.search !== null) {
    const term = q.search.trim();
    if (term.length < 2 || term.length > 100) throw badInput('"search" takes 2 to 100 characters', 'search');
    const upper = term.toUpperCase().replace(/\s+/g, '');
    if (CIN_PATTERN.test(upper)) query.andWhere('a.nationalId = :cin', { cin: upper });
    else if (/^RNAE-/i.test(term)) query.andWhere('a.registrationNumber = :number', { number: upper });
    else query.andWhere('lower(a.fullName) LIKE :name', { name: `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  }
  const counting = query.clone().getCount();
  if (q.after) query.andWhere('(a.submittedAt, a.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at: q.after[0], id: q.after[1] });
  const rows = await query.orderBy('a.submittedAt', 'ASC').addOrderBy('a.id', 'ASC').take(q.size + 1).getMany();
  return { rows: rows.slice(0, q.size), hasNextPage: rows.length > q.size, totalCount: await counting };
}
