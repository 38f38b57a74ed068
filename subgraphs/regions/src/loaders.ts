import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { changesOf, VersionedCache, type BaseContext, type ChangeRecord } from '@moukawil/kit/subgraph';
import { Commitment, Convention, ConventionParty } from './entities/Convention';
import { Ecosystem } from './entities/Ecosystem';
import { Partner } from './entities/Partner';
import { Province } from './entities/Province';
import { Region } from './entities/Region';

/** Everything this subgraph holds: a few hundred rows, kept in memory until a write raises their version. */
export interface Reference {
  regions: Region[];
  provinces: Province[];
  ecosystems: Ecosystem[];
  partners: Partner[];
  conventions: Convention[];
  parties: ConventionParty[];
  commitments: Commitment[];
}
const referenceCache = new VersionedCache<Reference>('regions_reference_version', 1);

async function loadReference(db: EntityManager): Promise<Reference> {
  const [regions, provinces, ecosystems, partners, conventions, parties, commitments] = await Promise.all([
    db.getRepository(Region).find({ order: { code: 'ASC' } }),
    db.getRepository(Province).find({ order: { kind: 'ASC', name: 'ASC' } }),
    db.getRepository(Ecosystem).find({ order: { code: 'ASC' } }),
    db.getRepository(Partner).find({ order: { code: 'ASC' } }),
    db.getRepository(Convention).find({ order: { code: 'ASC' } }),
    db.getRepository(ConventionParty).find({ order: { partnerCode: 'ASC' } }),
    db.getRepository(Commitment).find({ order: { dueYear: 'ASC', code: 'ASC' } }),
  ]);
  return { regions, provinces, ecosystems, partners, conventions, parties, commitments };
}

/** Per-request loaders over the reference (one read of it per request, no SQL while it is current). */
export function createLoaders(db: EntityManager) {
  let read: Promise<Reference> | undefined;
  const reference = () => (read ??= referenceCache.get(db, 'all', () => loadReference(db)));
  const byKey = <V>(pick: (r: Reference) => V[], key: (v: V) => string) =>
    new DataLoader<string, V | null>(async (keys) => {
      const all = pick(await reference());
      return keys.map((k) => all.find((v) => key(v) === k) ?? null);
    });
  const listsBy = <V>(pick: (r: Reference) => V[], key: (v: V) => string | null) =>
    new DataLoader<string, V[]>(async (keys) => {
      const all = pick(await reference());
      return keys.map((k) => all.filter((v) => key(v) === k));
    });
  return {
    reference,
    region: byKey(
      (r) => r.regions,
      (r) => r.code,
    ),
    province: byKey(
      (r) => r.provinces,
      (p) => p.code,
    ),
    partner: byKey(
      (r) => r.partners,
      (p) => p.code,
    ),
    provinces: listsBy(
      (r) => r.provinces,
      (p) => p.regionCode,
    ),
    ecosystems: listsBy(
      (r) => r.ecosystems,
      (e) => e.regionCode,
    ),
    partners: listsBy(
      (r) => r.partners,
      (p) => p.regionCode,
    ),
    conventions: listsBy(
      (r) => r.conventions,
      (c) => c.regionCode,
    ),
    parties: listsBy(
      (r) => r.parties,
      (p) => p.conventionCode,
    ),
    commitments: listsBy(
      (r) => r.commitments,
      (c) => c.conventionCode,
    ),
    /** Key "Entity|code": the change history of partners and conventions, one statement per kind in a batch. */
    history: new DataLoader<string, ChangeRecord[]>(async (keys) => {
      const [entity] = keys[0].split('|');
      const same = keys.every((k) => k.startsWith(`${entity}|`));
      if (same)
        return changesOf(
          db,
          entity,
          keys.map((k) => k.slice(entity.length + 1)),
        );
      return Promise.all(keys.map(async (k) => (await changesOf(db, k.split('|')[0], [k.split('|')[1]]))[0]));
    }),
  };
}

export interface Context extends BaseContext {
  loaders: ReturnType<typeof createLoaders>;
}

export const context = (base: BaseContext): Context => ({ ...base, loaders: createLoaders(base.db) });
