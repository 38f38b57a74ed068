import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { loaderOfLists, VersionedCache, type BaseContext } from '@moukawil/kit/subgraph';
import { Assessment } from './entities/Assessment';
import { Snapshot } from './entities/Snapshot';
import { TargetRevision } from './entities/TargetRevision';
import { Indicator } from './entities/Indicator';
import { Target } from './entities/Target';

export const NATIONAL = 'MA';

/** The catalogue, every target and every assessment: small tables, kept until a write raises their version. */
export interface Reference {
  catalogue: Indicator[];
  /** The indicators not retired: those of the scorecards. */
  inUse: Indicator[];
  byCode: Map<string, Indicator>;
  targets: Target[];
  assessments: Assessment[];
}
const referenceCache = new VersionedCache<Reference>('indicators_reference_version', 1);

async function loadReference(db: EntityManager): Promise<Reference> {
  const [catalogue, targets, assessments] = await Promise.all([
    db.getRepository(Indicator).find({ order: { code: 'ASC' } }),
    db.getRepository(Target).find({ order: { indicatorCode: 'ASC', toYear: 'ASC' } }),
    db.getRepository(Assessment).find({ order: { at: 'ASC', id: 'ASC' } }),
  ]);
  return { catalogue, inUse: catalogue.filter((i) => !i.retiredAt), byCode: new Map(catalogue.map((i) => [i.code, i])), targets, assessments };
}

/** Per-request DataLoaders: the reference tables from memory (one statement reads their version), the rest one SQL statement per batch. */
export function createLoaders(db: EntityManager) {
  let read: Promise<Reference> | undefined;
  const reference = () => (read ??= referenceCache.get(db, 'all', () => loadReference(db)));
  const fromReference = <K, V>(pick: (r: Reference, key: K) => V) =>
    new DataLoader<K, V>(async (keys) => {
      const r = await reference();
      return keys.map((key) => pick(r, key));
    });
  return {
    /** The reference tables, read once per request. */
    reference,
    indicator: fromReference<string, Indicator | null>((r, code) => r.byCode.get(code) ?? null),
    /** The whole catalogue, in code order. */
    catalogue: fromReference<'all', Indicator[]>((r) => r.catalogue),
    /** Targets by scope ("MA" or a region code). */
    targetsOfScope: fromReference<string, Target[]>((r, scope) => r.targets.filter((t) => (t.regionCode ?? NATIONAL) === scope)),
    /** Assessments by indicator code, oldest first. */
    assessments: fromReference<string, Assessment[]>((r, code) => r.assessments.filter((a) => a.indicatorCode === code)),
    revisions: loaderOfLists(
      (ids: readonly number[]) => db.getRepository(TargetRevision).find({ where: { targetId: In([...ids]) }, order: { id: 'ASC' } }),
      (r) => r.targetId,
    ),
    /**
     * Snapshots by status key "indicator|scope|from|to", oldest first: one statement per batch, and
     * at most the latest HISTORY_DAYS of each (a period spanning years would otherwise answer a
     * list that grows every day: its schema bound, list-sizes.ts, is this one).
     */
    snapshots: new DataLoader<string, Snapshot[]>(async (keys) => {
      const parts = keys.map((k) => k.split('|'));
      const rows: Array<{
        day: string;
        indicator_code: string;
        scope: string;
        from_year: number;
        to_year: number;
        target: number | null;
        actual: number | null;
      }> = await db.query(
        `SELECT day::text AS day, indicator_code, scope, from_year, to_year, target, actual FROM (
             SELECT s.*, row_number() OVER (PARTITION BY indicator_code, scope, from_year, to_year ORDER BY day DESC) AS recent
             FROM indicator_snapshot s
             WHERE (indicator_code, scope, from_year, to_year) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::int[]))
           ) latest WHERE recent <= $5 ORDER BY day`,
        [parts.map((p) => p[0]), parts.map((p) => p[1]), parts.map((p) => Number(p[2])), parts.map((p) => Number(p[3])), HISTORY_DAYS],
      );
      const byKey = new Map<string, Snapshot[]>(keys.map((key) => [key, []]));
      for (const r of rows) {
        const snapshot = Object.assign(new Snapshot(), {
          day: r.day,
          indicatorCode: r.indicator_code,
          scope: r.scope,
          fromYear: r.from_year,
          toYear: r.to_year,
          target: r.target,
          actual: r.actual,
        });
        byKey.get(`${r.indicator_code}|${r.scope}|${r.from_year}|${r.to_year}`)?.push(snapshot);
      }
      return keys.map((key) => byKey.get(key)!);
    }),
  };
}

/** The snapshots a status's history holds: a year of daily ones. */
export const HISTORY_DAYS = 366;

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
