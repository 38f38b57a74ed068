import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { loaderByKey, type BaseContext } from '@moukawil/kit';
import { Indicator } from './entities/Indicator';
import { Target } from './entities/Target';

export const NATIONAL = 'MA';

/** Per-request DataLoaders: one SQL statement per batch. */
export function createLoaders(db: DataSource) {
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
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
