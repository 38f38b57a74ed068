import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChangeRecord, connectionOf, decodeTimeIdCursor, pageSize, PageArgs } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { EventKind } from '../entities/enums';
import { Event } from '../entities/Event';
import { EventCorrection, EventInput, WorkshopInput } from '../entities/inputs';
import { EventConnection } from '../entities/NetworkConnections';
import { Partner, Region } from '../foreign';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { eventList, eventPage } from '../read/network';
import { Network } from '../write/network';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => [Event], { description: 'Events held with local partners, filtered by region, kind and year; oldest first.' })
  events(
    @Ctx() { db }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only this kind.' }) kind?: EventKind | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
    @Arg('includeCancelled', () => Boolean, { defaultValue: false, description: 'Cancelled events too (they count in no indicator).' })
    includeCancelled = false,
  ): Promise<Event[]> {
    return eventList(db, { region, kind, year, cancelled: includeCancelled });
  }

  @Query(() => EventConnection, {
    description: 'Events in keyset pages, oldest first, with the filters of Query.events: the same events, for clients that read them a page at a time.',
  })
  async eventsConnection(
    @Ctx() { db }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only this kind.' }) kind?: EventKind | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
    @Arg('includeCancelled', () => Boolean, { defaultValue: false, description: 'Cancelled events too.' }) includeCancelled = false,
    @Args() { first, after }: PageArgs = {},
  ): Promise<EventConnection> {
    const { rows, hasNextPage, totalCount } = await eventPage(
      db,
      { region, kind, year, cancelled: includeCancelled },
      decodeTimeIdCursor(after),
      pageSize(first),
    );
    return connectionOf(rows, hasNextPage, totalCount, (row) => [row.heldOn, row.id]);
  }

  @Mutation(() => Event, {
    description:
      'Records an advisor training workshop and the advisors it trained (feeds "advisors trained" and "workshops"): the council of the region or the national office.',
  })
  recordWorkshop(@Arg('input', () => WorkshopInput, { description: 'The workshop.' }) input: WorkshopInput, @Ctx() { db, viewer }: Context): Promise<Event> {
    return new Network(db, viewer).recordWorkshop(input);
  }

  @Mutation(() => Event, {
    description:
      'Records an awareness event or a council session (feeds "awareness events" and "councils engaged"): the council of the region or the national office.',
  })
  recordEvent(@Arg('input', () => EventInput, { description: 'The event.' }) input: EventInput, @Ctx() { db, viewer }: Context): Promise<Event> {
    return new Network(db, viewer).recordEvent(input);
  }

  @Mutation(() => Event, { description: 'Corrects a recorded event, with a reason; its history keeps the previous values.' })
  correctEvent(
    @Arg('id', () => ID, { description: 'The event.' }) id: string,
    @Arg('correction', () => EventCorrection, { description: 'The values to change.' }) correction: EventCorrection,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Event> {
    return new Network(db, viewer).correctEvent(id, correction, reason);
  }

  @Mutation(() => Event, { description: 'Cancels an event (kept, with the reason; it no longer counts in any indicator).' })
  cancelEvent(
    @Arg('id', () => ID, { description: 'The event.' }) id: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Event> {
    return new Network(db, viewer).cancelEvent(id, reason);
  }

  @FieldResolver(() => Region, { description: 'Region where it was held.' })
  region(@Root() event: Event): Region {
    return { code: event.regionCode };
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The local partner that co-organised it.' })
  partner(@Root() event: Event): Partner | null {
    return event.partnerCode ? { code: event.partnerCode } : null;
  }

  @FieldResolver(() => [Advisor], { description: 'For a training workshop, the advisors it trained (empty for other events).' })
  trained(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Advisor[]> | Advisor[] {
    return event.kind === EventKind.ADVISOR_WORKSHOP ? loaders.trainedAt.load(event.id) : [];
  }

  @FieldResolver(() => [ChangeRecord], {
    description: 'Every change of this event, oldest first: for the regional council, the advisors of the region and the national office.',
  })
  history(@Root() event: Event, @Ctx() { viewer, loaders }: Context): Promise<ChangeRecord[]> {
    policy.assertCanReadPeopleOf(viewer, event.regionCode);
    return loaders.history.load(`Event|${event.id}`);
  }
}
