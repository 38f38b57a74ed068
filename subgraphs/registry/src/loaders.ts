import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, type BaseContext } from '@moukawil/kit';
import { Activity } from './entities/Activity';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import { figuresByRegion, nationalOf, NATIONAL, type Figures } from './stats';

/** Per-request DataLoaders: one SQL statement (or one grouped pair) per batch. */
export function createLoaders(db: DataSource) {
  return {
    autoEntrepreneur: loaderByKey((ids: readonly string[]) => db.getRepository(AutoEntrepreneur).findBy({ id: In([...ids]) }), (a) => a.id),
    activity: loaderByKey((codes: readonly string[]) => db.getRepository(Activity).findBy({ code: In([...codes]) }), (a) => a.code),
    /** Figures by "scope|from|to" (scope "MA" = national): one grouped query per distinct period. */
    figures: new DataLoader<string, Figures>(async (keys) => {
      const periods = new Map<string, Promise<Map<string, Figures>>>();
      return Promise.all(keys.map(async (key) => {
        const [scope, from, to] = key.split('|');
        const p = `${from}-${to}`;
        if (!periods.has(p)) periods.set(p, figuresByRegion(db, from === '*' ? null : Number(from), to === '*' ? null : Number(to)));
        const byRegion = await periods.get(p)!;
        return scope === NATIONAL ? nationalOf(byRegion) : byRegion.get(scope)!;
      }));
    }),
  };
}

/** Key of the figures loader: scope ("MA" or a region), first and last year ("*" = open). */
export function figuresKey(scope: string, from: number | null, to: number | null): string {
  return `${scope}|${from ?? '*'}|${to ?? '*'}`;
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
