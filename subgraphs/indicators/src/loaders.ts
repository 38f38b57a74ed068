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
    /** Snapshots by status key "indicator|scope|from|to", oldest first: one statement per batch. */
    snapshots: new DataLoader<string, Snapshot[]>(async (keys) => {
      const parts = keys.map((k) => k.split('|'));
      const rows = await db
        .getRepository(Snapshot)
        .createQueryBuilder('s')
        .where(
          '(s.indicator_code, s.scope, s.from_year, s.to_year) IN (SELECT * FROM unnest(CAST(:codes AS varchar[]), CAST(:scopes AS varchar[]), CAST(:froms AS int[]), CAST(:tos AS int[])))',
          {
            codes: parts.map((p) => p[0]),
            scopes: parts.map((p) => p[1]),
            froms: parts.map((p) => Number(p[2])),
            tos: parts.map((p) => Number(p[3])),
          },
        )
        .orderBy('s.day', 'ASC')
        .getMany();
      return keys.map((key) => rows.filter((r) => `${r.indicatorCode}|${r.scope}|${r.fromYear}|${r.toYear}` === key));
    }),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
