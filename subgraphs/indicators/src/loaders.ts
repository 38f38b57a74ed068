import DataLoader from 'dataloader';
import { In, IsNull, type EntityManager } from 'typeorm';
import { loaderByKey, loaderOfLists, type BaseContext } from '@moukawil/kit';
import { Assessment } from './entities/Assessment';
import { Snapshot } from './entities/Snapshot';
import { TargetRevision } from './entities/TargetRevision';
import { Indicator } from './entities/Indicator';
import { Target } from './entities/Target';

export const NATIONAL = 'MA';

/** Per-request DataLoaders: one SQL statement per batch. */
export function createLoaders(db: EntityManager) {
  return {
    indicator: loaderByKey((codes: readonly string[]) => db.getRepository(Indicator).findBy({ code: In([...codes]) }), (i) => i.code),
    /** The whole catalogue, read once per request. */
    catalogue: new DataLoader<'all', Indicator[]>(async (keys) => {
      const all = await db.getRepository(Indicator).find({ order: { code: 'ASC' } });
      return keys.map(() => all);
    }),
    /** Targets by scope ("MA" or a region code). */
    targetsOfScope: new DataLoader<string, Target[]>(async (scopes) => {
      const regions = scopes.filter((s) => s !== NATIONAL);
      const where = [...(regions.length ? [{ regionCode: In(regions) }] : []), ...(scopes.includes(NATIONAL) ? [{ regionCode: IsNull() }] : [])];
      const targets = await db.getRepository(Target).find({ where, order: { indicatorCode: 'ASC', toYear: 'ASC' } });
      return scopes.map((scope) => targets.filter((t) => (t.regionCode ?? NATIONAL) === scope));
    }),
    revisions: loaderOfLists((ids: readonly number[]) =>
      db.getRepository(TargetRevision).find({ where: { targetId: In([...ids]) }, order: { id: 'ASC' } }), (r) => r.targetId),
    /** Assessments by indicator code (a small table): one statement per batch. */
    assessments: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Assessment).find({ where: { indicatorCode: In([...codes]) }, order: { at: 'ASC', id: 'ASC' } }), (a) => a.indicatorCode),
    /** Snapshots by status key "indicator|scope|from|to", oldest first: one statement per batch. */
    snapshots: new DataLoader<string, Snapshot[]>(async (keys) => {
      const parts = keys.map((k) => k.split('|'));
      const rows = await db.getRepository(Snapshot).createQueryBuilder('s')
        .where('(s.indicator_code, s.scope, s.from_year, s.to_year) IN (SELECT * FROM unnest(CAST(:codes AS varchar[]), CAST(:scopes AS varchar[]), CAST(:froms AS int[]), CAST(:tos AS int[])))', {
          codes: parts.map((p) => p[0]), scopes: parts.map((p) => p[1]), froms: parts.map((p) => Number(p[2])), tos: parts.map((p) => Number(p[3])),
        })
        .orderBy('s.day', 'ASC').getMany();
      return keys.map((key) => rows.filter((r) => `${r.indicatorCode}|${r.scope}|${r.fromYear}|${r.toYear}` === key));
    }),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
