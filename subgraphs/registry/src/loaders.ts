import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { loaderByKey, loaderOfLists, type BaseContext } from '@moukawil/kit/subgraph';
import { Activity } from './entities/Activity';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import { RegistryEvent } from './entities/RegistryEvent';
import { TurnoverDeclaration } from './entities/TurnoverDeclaration';
import { cellsOfScope, recentCells, summarize, timeline, yearsByRegion, type Cell, type Figures } from './read/stats';

/** Per-request DataLoaders: one SQL statement (or one grouped pair) per batch. */
export function createLoaders(db: EntityManager) {
  const loaders = {
    autoEntrepreneur: loaderByKey(
      (ids: readonly string[]) => db.getRepository(AutoEntrepreneur).findBy({ id: In([...ids]) }),
      (a) => a.id,
    ),
    activity: loaderByKey(
      (codes: readonly string[]) => db.getRepository(Activity).findBy({ code: In([...codes]) }),
      (a) => a.code,
    ),
    history: loaderOfLists(
      (ids: readonly string[]) => db.getRepository(RegistryEvent).find({ where: { autoEntrepreneurId: In([...ids]) }, order: { id: 'ASC' } }),
      (e) => e.autoEntrepreneurId,
    ),
    declarations: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(TurnoverDeclaration).find({ where: { autoEntrepreneurId: In([...ids]) }, order: { year: 'ASC', quarter: 'ASC' } }),
      (d) => d.autoEntrepreneurId,
    ),
    /** Rollup cells by "scope|from|to" (scope "MA" = national): at most one statement per distinct period. */
    cells: new DataLoader<string, Cell[]>(async (keys) => {
      const periods = new Map<string, Promise<Cell[]>>();
      return Promise.all(
        keys.map(async (key) => {
          const [scope, from, to] = key.split('|');
          if (!periods.has(`${from}|${to}`)) periods.set(`${from}|${to}`, recentCells(db, from === '*' ? null : Number(from), to === '*' ? null : Number(to)));
          const cells = await periods.get(`${from}|${to}`)!;
          return cellsOfScope(cells, scope);
        }),
      );
    }),
    /** Timelines by scope ("MA" or a region): one statement for all the regions a request asks for. */
    years: new DataLoader(async (scopes: readonly string[]) => {
      const rows = await yearsByRegion(db);
      return scopes.map((scope) => timeline(rows, scope));
    }),
  };
  return {
    ...loaders,
    /** Summed figures by the same key: summed once per scope and period, however many indicator statuses ask. */
    figures: new DataLoader<string, Figures>(async (keys) => Promise.all(keys.map(async (key) => summarize(await loaders.cells.load(key))))),
  };
}

/** Key of the cells loader: scope ("MA" or a region), first and last year ("*" = open). */
export function cellsKey(scope: string, from: number | null, to: number | null): string {
  return `${scope}|${from ?? '*'}|${to ?? '*'}`;
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
