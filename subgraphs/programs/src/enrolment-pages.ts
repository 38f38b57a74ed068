import type { DataSource } from 'typeorm';
import { Enrolment } from './entities/Enrolment';
import type { EnrolmentStatus } from './entities/enums';

export interface EnrolmentPageQuery {
  /** Regions the caller may list (already checked by the policy), or all. */
  scope: string[] | 'ALL';
  programme: string | null;
  status: EnrolmentStatus | null;
  size: number;
  after: [string, string] | null;
}

/**
 * One keyset page of enrolments (ordered by application date, then id) and the total count,
 * every filter in SQL; the indexes of migration EnrolmentPages serve each combination of
 * programme and region, so page 500 costs what page 1 costs.
 */
export async function findEnrolmentPage(db: DataSource, q: EnrolmentPageQuery): Promise<{ rows: Enrolment[]; hasNextPage: boolean; totalCount: number }> {
  const query = db.getRepository(Enrolment).createQueryBuilder('e');
  if (q.scope !== 'ALL') query.andWhere('e.regionCode IN (:...regions)', { regions: q.scope });
  if (q.programme) query.andWhere('e.programmeCode = :programme', { programme: q.programme });
  if (q.status) query.andWhere('e.status = :status', { status: q.status });
  const counting = query.clone().getCount();
  if (q.after) query.andWhere('(e.enrolledAt, e.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at: q.after[0], id: q.after[1] });
  const [rows, totalCount] = await Promise.all([query.orderBy('e.enrolledAt', 'ASC').addOrderBy('e.id', 'ASC').take(q.size + 1).getMany(), counting]);
  return { rows: rows.slice(0, q.size), hasNextPage: rows.length > q.size, totalCount };
}
