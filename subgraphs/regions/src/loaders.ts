import { In, type EntityManager } from 'typeorm';
import { loaderByKey, loaderOfLists, type BaseContext } from '@moukawil/kit';
import { Commitment, Convention, ConventionParty } from './entities/Convention';
import { Ecosystem } from './entities/Ecosystem';
import { Partner } from './entities/Partner';
import { Province } from './entities/Province';
import { Region } from './entities/Region';

/** Per-request DataLoaders: one SQL statement per batch of parents. */
export function createLoaders(db: EntityManager) {
  return {
    region: loaderByKey((codes: readonly string[]) => db.getRepository(Region).findBy({ code: In([...codes]) }), (r) => r.code),
    province: loaderByKey((codes: readonly string[]) => db.getRepository(Province).findBy({ code: In([...codes]) }), (p) => p.code),
    partner: loaderByKey((codes: readonly string[]) => db.getRepository(Partner).findBy({ code: In([...codes]) }), (p) => p.code),
    provinces: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Province).find({ where: { regionCode: In([...codes]) }, order: { kind: 'ASC', name: 'ASC' } }), (p) => p.regionCode),
    ecosystems: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Ecosystem).find({ where: { regionCode: In([...codes]) }, order: { code: 'ASC' } }), (e) => e.regionCode),
    partners: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Partner).find({ where: { regionCode: In([...codes]) }, order: { code: 'ASC' } }), (p) => p.regionCode!),
    conventions: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Convention).find({ where: { regionCode: In([...codes]) }, order: { code: 'ASC' } }), (c) => c.regionCode!),
    parties: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(ConventionParty).find({ where: { conventionCode: In([...codes]) }, order: { partnerCode: 'ASC' } }), (p) => p.conventionCode),
    commitments: loaderOfLists((codes: readonly string[]) =>
      db.getRepository(Commitment).find({ where: { conventionCode: In([...codes]) }, order: { dueYear: 'ASC', code: 'ASC' } }), (c) => c.conventionCode),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
