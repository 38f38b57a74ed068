import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists, type BaseContext, type Viewer } from '@moukawil/kit';
import { Enrolment } from './entities/Enrolment';
import { Programme } from './entities/Programme';
import { policy } from './policy';

/** Enrolments shown per programme when the caller does not say (the list is capped). */
export const DEFAULT_ENROLMENTS = 100;

/** Per-request DataLoaders, already scoped to what the viewer may read. */
export function createLoaders(db: DataSource, viewer: Viewer) {
  const regions = policy.enrolmentRegions(viewer);
  const scoped = (column: string, index: number) => (regions === null ? 'TRUE' : `${column} = ANY($${index})`);
  const scopeParams = regions === null ? [] : [regions];
  return {
    programme: loaderByKey((codes: readonly string[]) => db.getRepository(Programme).findBy({ code: In([...codes]) }), (p) => p.code),
    /** Programmes running in each region: one statement for all the regions of a batch. */
    programmesOfRegion: new DataLoader<string, Programme[]>(async (codes) => {
      const programmes = await db.getRepository(Programme).createQueryBuilder('p')
        .where('p.regionCodes && :codes', { codes: [...codes] }).orderBy('p.code').getMany();
      return codes.map((code) => programmes.filter((p) => p.regionCodes.includes(code)));
    }),
    /** Key "programmeCode|limit": the first enrolments of each programme, one statement per batch. */
    enrolmentsOfProgramme: new DataLoader<string, Enrolment[]>(async (keys) => {
      const codes = [...new Set(keys.map((k) => k.split('|')[0]))];
      const limit = Math.max(...keys.map((k) => Number(k.split('|')[1])));
      const ranked: Array<{ id: string }> = await db.query(
        `SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY programme_code ORDER BY enrolled_at, id) AS rank
           FROM enrolment WHERE programme_code = ANY($1) AND ${scoped('region_code', 2)}) ranked
         WHERE rank <= $${scopeParams.length + 2}`,
        [codes, ...scopeParams, limit],
      );
      if (ranked.length === 0) return keys.map(() => []);
      const enrolments = await db.getRepository(Enrolment).find({
        where: { id: In(ranked.map((r) => r.id)) }, order: { enrolledAt: 'ASC', id: 'ASC' },
      });
      return keys.map((key) => {
        const [code, n] = key.split('|');
        return enrolments.filter((e) => e.programmeCode === code).slice(0, Number(n));
      });
    }),
    enrolmentsOfPerson: loaderOfLists(
      (ids: readonly string[]) => db.getRepository(Enrolment).find({
        where: { autoEntrepreneurId: In([...ids]), ...(regions === null ? {} : { regionCode: In(regions) }) },
        order: { enrolledAt: 'ASC', id: 'ASC' },
      }),
      (e) => e.autoEntrepreneurId,
    ),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db, base.viewer) });
