import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChangeRecord, connectionOf, decodeRegionIdCursor, pageSize, PageArgs } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { Enrolment } from '../entities/Enrolment';
import { Event } from '../entities/Event';
import { AdvisorInput } from '../entities/inputs';
import { AdvisorConnection } from '../entities/NetworkConnections';
import { AutoEntrepreneur, Partner, Region } from '../foreign';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { advisorPage, advisorsOf } from '../read/network';
import { Network } from '../write/network';

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

  @Query(() => Advisor, {
    nullable: true,
    description:
      'The caller as an advisor of the network, when its ADVISOR token names one (claim `advisor`): `me { enrolments followed }` are its beneficiaries. Null for anyone else.',
  })
  me(@Ctx() { viewer, loaders }: Context): Promise<Advisor | null> | null {
    return viewer.role === 'ADVISOR' && viewer.advisor ? loaders.advisor.load(viewer.advisor) : null;
  }

  @Mutation(() => Advisor, { description: 'Registers an advisor in the network: the council of the region or the national office.' })
  registerAdvisor(@Arg('input', () => AdvisorInput, { description: 'The advisor.' }) input: AdvisorInput, @Ctx() { db, viewer }: Context): Promise<Advisor> {
    return new Network(db, viewer).registerAdvisor(input);
  }

  @Mutation(() => Advisor, {
    description: 'An advisor leaves the network (kept, inactive, with the reason): the council of the region or the national office.',
  })
  deactivateAdvisor(
    @Arg('id', () => ID, { description: 'The advisor.' }) id: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Advisor> {
    return new Network(db, viewer).deactivateAdvisor(id, reason);
  }

  @FieldResolver(() => String, { description: 'Full name: for the regional council, the advisors of the region and the national office.' })
  fullName(@Root() advisor: Advisor, @Ctx() { viewer }: Context): string {
    policy.assertCanReadPeopleOf(viewer, advisor.regionCode);
    return advisor.fullName;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the advisor left the network: for the regional council, the advisors of the region and the national office.',
  })
  deactivationReason(@Root() advisor: Advisor, @Ctx() { viewer }: Context): string | null {
    policy.assertCanReadPeopleOf(viewer, advisor.regionCode);
    return advisor.deactivationReason;
  }

  @FieldResolver(() => [ChangeRecord], {
    description: 'Every change of this advisor, oldest first: for the regional council, the advisors of the region and the national office.',
  })
  history(@Root() advisor: Advisor, @Ctx() { viewer, loaders }: Context): Promise<ChangeRecord[]> {
    policy.assertCanReadPeopleOf(viewer, advisor.regionCode);
    return loaders.history.load(`Advisor|${advisor.id}`);
  }

  @FieldResolver(() => Region, { description: 'Region where the advisor works.' })
  region(@Root() advisor: Advisor): Region {
    return { code: advisor.regionCode };
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner the advisor works with (e.g. the regional CCIS).' })
  partner(@Root() advisor: Advisor): Partner | null {
    return advisor.partnerCode ? { code: advisor.partnerCode } : null;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The first training workshop attended.' })
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
