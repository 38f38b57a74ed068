import DataLoader from 'dataloader';
import { In, IsNull, type EntityManager } from 'typeorm';
import { type Viewer } from '@moukawil/kit/core';
import { changesOf, loaderByKey, loaderOfLists, type BaseContext, type ChangeRecord } from '@moukawil/kit/subgraph';
import { Advisor } from './entities/Advisor';
import { Enrolment } from './entities/Enrolment';
import { Event } from './entities/Event';
import { FollowUp } from './entities/FollowUp';
import { Programme } from './entities/Programme';
import { policy } from './policy';
import { allProgrammes, recentFigures, sumOf, type Figures } from './read/figures';
import { programmeFigures, type ProgrammeFigures as ProgrammeRow } from './read/stats';

/** Enrolments shown per programme when the caller does not say (the list is capped). */
export const DEFAULT_ENROLMENTS = 100;

/** Per-request DataLoaders, already scoped to what the viewer may read: one SQL statement per batch. */
export function createLoaders(db: EntityManager, viewer: Viewer) {
  const regions = policy.enrolmentRegions(viewer);
  const inScope = regions === null ? {} : { regionCode: In(regions) };
  return {
    programme: new DataLoader<string, Programme | null>(async (codes) => {
      const all = await allProgrammes(db);
      return codes.map((code) => all.find((p) => p.code === code) ?? null);
    }),
    advisor: loaderByKey(
      (ids: readonly string[]) => db.getRepository(Advisor).findBy({ id: In([...ids]) }),
      (a) => a.id,
    ),
    event: loaderByKey(
      (ids: readonly string[]) => db.getRepository(Event).findBy({ id: In([...ids]) }),
      (e) => e.id,
    ),
    /** Programmes running in each region: one statement for all the regions of a batch. */
    programmesOfRegion: new DataLoader<string, Programme[]>(async (codes) => {
      const programmes = await allProgrammes(db);
      return codes.map((code) => programmes.filter((p) => p.regionCodes.includes(code)));
    }),
    /** Key "programmeCode|limit": the first enrolments of each programme, one statement per batch. */
    enrolmentsOfProgramme: new DataLoader<string, Enrolment[]>(async (keys) => {
      const codes = [...new Set(keys.map((k) => k.split('|')[0]))];
      const limit = Math.max(...keys.map((k) => Number(k.split('|')[1])));
      if (regions !== null && regions.length === 0) return keys.map(() => []);
      // The first rows of each programme straight from its date-ordered index (LATERAL … LIMIT),
      // never a ranking of all its enrolments: the cost does not grow with the programme.
      // A regional caller's one region as an equality, so that (programme, region, date) is read in order.
      const inRegions = regions === null ? 'true' : regions.length === 1 ? 'region_code = ($3::varchar[])[1]' : 'region_code = ANY($3::varchar[])';
      const ranked: Array<{ id: string }> = await db.query(
        `SELECT first.id FROM unnest($1::varchar[]) AS p(code)
         CROSS JOIN LATERAL (
           SELECT id FROM enrolment WHERE programme_code = p.code AND ${inRegions}
           ORDER BY enrolled_at, id LIMIT $2) first`,
        regions === null ? [codes, limit] : [codes, limit, regions],
      );
      if (ranked.length === 0) return keys.map(() => []);
      const enrolments = await db.getRepository(Enrolment).find({ where: { id: In(ranked.map((r) => r.id)) }, order: { enrolledAt: 'ASC', id: 'ASC' } });
      return keys.map((key) => {
        const [code, n] = key.split('|');
        return enrolments.filter((e) => e.programmeCode === code).slice(0, Number(n));
      });
    }),
    enrolmentsOfPerson: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(Enrolment).find({ where: { autoEntrepreneurId: In([...ids]), ...inScope }, order: { enrolledAt: 'ASC', id: 'ASC' } }),
      (e) => e.autoEntrepreneurId,
    ),
    enrolmentsOfAdvisor: loaderOfLists(
      (ids: readonly string[]) => db.getRepository(Enrolment).find({ where: { advisorId: In([...ids]), ...inScope }, order: { enrolledAt: 'ASC', id: 'ASC' } }),
      (e) => e.advisorId!,
    ),
    advisorsOfRegion: loaderOfLists(
      (codes: readonly string[]) => db.getRepository(Advisor).find({ where: { regionCode: In([...codes]) }, order: { trainedOn: 'ASC', id: 'ASC' } }),
      (a) => a.regionCode,
    ),
    eventsOfRegion: loaderOfLists(
      (codes: readonly string[]) =>
        db.getRepository(Event).find({ where: { regionCode: In([...codes]), cancelledAt: IsNull() }, order: { heldOn: 'ASC', id: 'ASC' } }),
      (e) => e.regionCode,
    ),
    /** The advisors each workshop trained. */
    trainedAt: new DataLoader<string, Advisor[]>(async (workshops) => {
      const rows: Array<{ workshop_id: string; advisor_id: string }> = await db.query(
        `SELECT workshop_id, advisor_id FROM workshop_attendance WHERE workshop_id = ANY($1::uuid[]) ORDER BY advisor_id`,
        [[...workshops]],
      );
      const advisors = rows.length ? await db.getRepository(Advisor).findBy({ id: In(rows.map((r) => r.advisor_id)) }) : [];
      return workshops.map((w) => rows.filter((r) => r.workshop_id === w).map((r) => advisors.find((a) => a.id === r.advisor_id)!));
    }),
    /** Follow-ups of each enrolment, oldest first (the enrolments themselves are already scoped to the viewer). */
    followUpsOf: loaderOfLists(
      (ids: readonly string[]) => db.getRepository(FollowUp).find({ where: { enrolmentId: In([...ids]) }, order: { on: 'ASC', id: 'ASC' } }),
      (f) => f.enrolmentId,
    ),
    /** Key "Entity|id": the change history of records, one statement per kind of record in a batch. */
    history: new DataLoader<string, ChangeRecord[]>(async (keys) => {
      const byEntity = new Map<string, string[]>();
      for (const key of keys) {
        const [entity, id] = key.split('|');
        byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
      }
      const found = new Map<string, ChangeRecord[]>();
      for (const [entity, ids] of byEntity) (await changesOf(db, entity, ids)).forEach((changes, i) => found.set(`${entity}|${ids[i]}`, changes));
      return keys.map((key) => found.get(key) ?? []);
    }),
    /** Indicator figures by "scope|from|to" (scope "MA" = national): one set of statements per distinct period. */
    indicatorFigures: new DataLoader<string, Figures>(async (keys) => {
      const periods = new Map<string, Promise<Map<string, Figures>>>();
      return Promise.all(
        keys.map(async (key) => {
          const [scope, from, to] = key.split('|');
          if (!periods.has(`${from}|${to}`)) periods.set(`${from}|${to}`, recentFigures(db, Number(from), Number(to)));
          const byRegion = await periods.get(`${from}|${to}`)!;
          return scope === 'MA' ? sumOf(byRegion.values()) : sumOf(byRegion.has(scope) ? [byRegion.get(scope)!] : []);
        }),
      );
    }),
    /** Figures of every programme and region for a year ("*" = all years): one statement per year. */
    figures: new DataLoader<string, ProgrammeRow[]>(async (years) => Promise.all(years.map((y) => programmeFigures(db, y === '*' ? null : Number(y))))),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db, base.viewer) });
