import type { EntityManager } from 'typeorm';
import { VersionedCache } from '@moukawil/kit/subgraph';
import type { ProgrammeFigures } from '../entities/ProgrammeFigures';
import { Programme } from '../entities/Programme';

/** The figures of a scope over a period, before the period is attached to them. */
export type Figures = Omit<ProgrammeFigures, 'fromYear' | 'toYear'>;

/** Figures kept per period until a write to programmes, enrolments, advisors or events raises programs_figures_version (by trigger). */
export const figuresCache = new VersionedCache<Map<string, Figures>>('programs_figures_version');

/** The programmes (a few dozen rows), kept like the figures. */
const programmesCache = new VersionedCache<Programme[]>('programs_figures_version', 1);

export function allProgrammes(db: EntityManager): Promise<Programme[]> {
  return programmesCache.get(db, 'all', () => db.getRepository(Programme).find({ order: { code: 'ASC' } }));
}

export function recentFigures(db: EntityManager, fromYear: number, toYear: number): Promise<Map<string, Figures>> {
  return figuresCache.get(db, `${fromYear}|${toYear}`, () => figuresOfPeriod(db, fromYear, toYear));
}

/** Per region, the programme, network and event figures over [fromYear, toYear]: three grouped statements. */
async function figuresOfPeriod(db: EntityManager, fromYear: number, toYear: number): Promise<Map<string, Figures>> {
  const lo = `${fromYear}-01-01`;
  const hi = `${toYear + 1}-01-01`;
  const [enrolments, advisors, events] = await Promise.all([
    db.query(
      `SELECT e.region_code AS region,
         count(*) FILTER (WHERE p.kind = 'HONOUR_LOAN')::int AS "honourLoanBeneficiaries",
         coalesce(sum(e.amount) FILTER (WHERE p.kind = 'HONOUR_LOAN'), 0)::float8 AS "honourLoanAmount",
         count(*) FILTER (WHERE p.kind = 'DIGITAL_INCLUSION')::int AS "digitalInclusionBeneficiaries",
         count(*) FILTER (WHERE p.kind = 'TPME_PROMOTION')::int AS "tpmePromotionBeneficiaries",
         count(*) FILTER (WHERE p.kind = 'PROJECT_HOLDER_SUPPORT')::int AS "projectHolderBeneficiaries",
         count(*) FILTER (WHERE p.kind = 'POST_CREATION_SUPPORT')::int AS "postCreationBeneficiaries"
       FROM enrolment e JOIN programme p ON p.code = e.programme_code
       WHERE e.enrolled_at >= $1 AND e.enrolled_at < $2 AND e.status IN ('ACCEPTED', 'ACTIVE', 'COMPLETED')
       GROUP BY e.region_code`,
      [lo, hi],
    ),
    db.query(`SELECT region_code AS region, count(*)::int AS "advisorsTrained" FROM advisor WHERE trained_on >= $1 AND trained_on < $2 GROUP BY region_code`, [
      lo,
      hi,
    ]),
    db.query(
      `SELECT region_code AS region,
         count(*) FILTER (WHERE kind = 'AWARENESS')::int AS "awarenessEvents",
         count(*) FILTER (WHERE kind = 'ADVISOR_WORKSHOP')::int AS workshops,
         least(count(*) FILTER (WHERE kind = 'COUNCIL_SENSITISATION'), 1)::int AS "councilsEngaged"
       FROM event WHERE held_on >= $1 AND held_on < $2 AND cancelled_at IS NULL GROUP BY region_code`,
      [lo, hi],
    ),
  ]);
  const result = new Map<string, Figures>();
  const row = (region: string) => {
    if (!result.has(region)) result.set(region, noFigures());
    return result.get(region)!;
  };
  for (const r of [...enrolments, ...advisors, ...events]) {
    const { region, ...figures } = r;
    Object.assign(row(region), figures);
  }
  return result;
}

/** A region with nothing to count: every figure 0 (these are counts, so 0 is the truth, not a stand-in). */
function noFigures(): Figures {
  return {
    honourLoanBeneficiaries: 0,
    honourLoanAmount: 0,
    digitalInclusionBeneficiaries: 0,
    tpmePromotionBeneficiaries: 0,
    projectHolderBeneficiaries: 0,
    postCreationBeneficiaries: 0,
    advisorsTrained: 0,
    awarenessEvents: 0,
    workshops: 0,
    councilsEngaged: 0,
  };
}

/** The national figures: the sum of the regions (a council counts once, in its region). */
export function sumOf(figures: Iterable<Figures>): Figures {
  const total = noFigures();
  for (const f of figures) for (const key of Object.keys(total) as Array<keyof Figures>) total[key] += f[key];
  return total;
}
