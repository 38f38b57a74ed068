import type { EntityManager } from 'typeorm';
import { keysetPage } from '@moukawil/kit/subgraph';
import { Enrolment } from '../entities/Enrolment';
import type { EnrolmentStatus } from '../entities/enums';

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
export async function findEnrolmentPage(db: EntityManager, q: EnrolmentPageQuery): Promise<{ rows: Enrolment[]; hasNextPage: boolean; totalCount: number }> {
  const query = db.getRepository(Enrolment).createQueryBuilder('e');
  if (q.scope !== 'ALL') query.andWhere('e.regionCode IN (:...regions)', { regions: q.scope });
  if (q.programme) query.andWhere('e.programmeCode = :programme', { programme: q.programme });
  if (q.status) query.andWhere('e.status = :status', { status: q.status });
  return keysetPage(
    query,
    [
      ['e.enrolledAt', 'timestamptz'],
      ['e.id', 'uuid'],
    ],
    q.after,
    q.size,
  );
}
