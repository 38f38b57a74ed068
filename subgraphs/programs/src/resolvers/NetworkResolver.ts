import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, decodeRegionIdCursor, decodeTimeIdCursor, pageSize, PageArgs } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { Enrolment } from '../entities/Enrolment';
import { EventKind } from '../entities/enums';
import { Event } from '../entities/Event';
import { AdvisorConnection, EventConnection } from '../entities/NetworkConnections';
import { AutoEntrepreneur, Partner, Region } from '../foreign';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { advisorPage, advisorsOf, eventList, eventPage } from '../read/network';

@Resolver(() => Advisor)
export class AdvisorResolver {
  @Query(() => [Advisor], { description: 'The advisor network (conseillers en entrepreneuriat), of one region or all.' })
  advisors(@Ctx() { db }: Context, @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null): Promise<Advisor[]> {
    return advisorsOf(db, region);
  }

  @Query(() => AdvisorConnection, {
    description: 'The advisor network in keyset pages, by region then id: the same advisors as Query.advisors, for clients that read it a page at a time.',
  })
  async advisorsConnection(
    @Ctx() { db }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Args() { first, after }: PageArgs = {},
  ): Promise<AdvisorConnection> {
    const { rows, hasNextPage, totalCount } = await advisorPage(db, region, decodeRegionIdCursor(after), pageSize(first));
    return connectionOf(rows, hasNextPage, totalCount, (row) => [row.regionCode, row.id]);
  }

  @FieldResolver(() => String, { description: 'Full name: for the regional council, the advisors of the region and the national office.' })
  fullName(@Root() advisor: Advisor, @Ctx() { viewer }: Context): string {
    policy.assertCanReadPeopleOf(viewer, advisor.regionCode);
    return advisor.fullName;
  }

  @FieldResolver(() => Region, { description: 'Region where the advisor works.' })
  region(@Root() advisor: Advisor): Region {
    return { code: advisor.regionCode };
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner the advisor works with (e.g. the regional CCIS).' })
  partner(@Root() advisor: Advisor): Partner | null {
    return advisor.partnerCode ? { code: advisor.partnerCode } : null;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The training workshop attended.' })
  workshop(@Root() advisor: Advisor, @Ctx() { loaders }: Context): Promise<Event | null> | null {
    return advisor.workshopId ? loaders.event.load(advisor.workshopId) : null;
  }

  @FieldResolver(() => [AutoEntrepreneur], {
    description: 'Auto-entrepreneurs this advisor follows through their enrolments (only those of regions the caller may read).',
  })
  async followed(@Root() advisor: Advisor, @Ctx() { loaders }: Context): Promise<AutoEntrepreneur[]> {
    const enrolments = await loaders.enrolmentsOfAdvisor.load(advisor.id);
    return [...new Set(enrolments.map((e) => e.autoEntrepreneurId))].map((id) => ({ id }));
  }

  @FieldResolver(() => [Enrolment], { description: 'The enrolments this advisor follows (only those of regions the caller may read).' })
  enrolments(@Root() advisor: Advisor, @Ctx() { loaders }: Context): Promise<Enrolment[]> {
    return loaders.enrolmentsOfAdvisor.load(advisor.id);
  }
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => [Event], { description: 'Events held with local partners, filtered by region, kind and year; oldest first.' })
  events(
    @Ctx() { db }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only this kind.' }) kind?: EventKind | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
  ): Promise<Event[]> {
    return eventList(db, { region, kind, year });
  }

  @Query(() => EventConnection, {
    description: 'Events in keyset pages, oldest first, with the filters of Query.events: the same events, for clients that read them a page at a time.',
  })
  async eventsConnection(
    @Ctx() { db }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only this kind.' }) kind?: EventKind | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
    @Args() { first, after }: PageArgs = {},
  ): Promise<EventConnection> {
    const { rows, hasNextPage, totalCount } = await eventPage(db, { region, kind, year }, decodeTimeIdCursor(after), pageSize(first));
    return connectionOf(rows, hasNextPage, totalCount, (row) => [row.heldOn, row.id]);
  }

  @FieldResolver(() => Region, { description: 'Region where it was held.' })
  region(@Root() event: Event): Region {
    return { code: event.regionCode };
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The local partner that co-organised it.' })
  partner(@Root() event: Event): Partner | null {
    return event.partnerCode ? { code: event.partnerCode } : null;
  }
}
