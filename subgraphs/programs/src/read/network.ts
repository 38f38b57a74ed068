import type { EntityManager } from 'typeorm';
import { regionArg } from '@moukawil/kit/domain';
import { keysetPage } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import type { EventKind } from '../entities/enums';
import { Event } from '../entities/Event';

/** The advisors of one region or all, by region, training date and id. */
export function advisorsOf(db: EntityManager, region: string | null | undefined): Promise<Advisor[]> {
  return db.getRepository(Advisor).find({ where: region ? { regionCode: regionArg(region) } : {}, order: { regionCode: 'ASC', trainedOn: 'ASC', id: 'ASC' } });
}

/** A keyset page of advisors, by region then id (index of migration NetworkPages). */
export function advisorPage(db: EntityManager, region: string | null | undefined, after: [string, string] | null, size: number) {
  const query = db.getRepository(Advisor).createQueryBuilder('a');
  if (region) query.andWhere('a.regionCode = :region', { region: regionArg(region) });
  return keysetPage(
    query,
    [
      ['a.regionCode', 'varchar'],
      ['a.id', 'uuid'],
    ],
    after,
    size,
  );
}

export interface EventFilter {
  region?: string | null;
  kind?: EventKind | null;
  year?: number | null;
  /** Cancelled events too (they count in no indicator). */
  cancelled?: boolean | null;
}

/** Events matching the filters of Query.events and Query.eventsConnection. */
function eventsOf(db: EntityManager, { region, kind, year, cancelled }: EventFilter) {
  const query = db.getRepository(Event).createQueryBuilder('e');
  if (!cancelled) query.andWhere('e.cancelledAt IS NULL');
  if (region) query.andWhere('e.regionCode = :region', { region: regionArg(region) });
  if (kind) query.andWhere('e.kind = :kind', { kind });
  if (year) query.andWhere('e.heldOn >= :from AND e.heldOn < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` });
  return query;
}

/** Every event matching the filters, oldest first. */
export function eventList(db: EntityManager, filter: EventFilter): Promise<Event[]> {
  return eventsOf(db, filter).orderBy('e.heldOn').addOrderBy('e.id').getMany();
}

/** A keyset page of the same events, oldest first (index of migration NetworkPages). */
export function eventPage(db: EntityManager, filter: EventFilter, after: [string, string] | null, size: number) {
  return keysetPage(
    eventsOf(db, filter),
    [
      ['e.heldOn', 'date'],
      ['e.id', 'uuid'],
    ],
    after,
    size,
  );
}
