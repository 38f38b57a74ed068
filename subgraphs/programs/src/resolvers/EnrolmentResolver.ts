import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { connectionOf, decodeTimeIdCursor, notePersonalRead, pageSize, PageArgs } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { Enrolment } from '../entities/Enrolment';
import { EnrolmentConnection } from '../entities/EnrolmentConnection';
import { EnrolmentStatus } from '../entities/enums';
import { FollowUp } from '../entities/FollowUp';
import { EnrolmentInput, FollowUpInput } from '../entities/inputs';
import { Programme } from '../entities/Programme';
import { AutoEntrepreneur } from '../foreign';
import { findEnrolmentPage } from '../read/enrolments';
import { Enrolments } from '../write/enrolments';
import { Network } from '../write/network';
import { policy } from '../policy';
import type { Context } from '../loaders';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Query(() => EnrolmentConnection, {
    description:
      'A page of enrolments, oldest application first (keyset pagination), of one programme or all. Regional roles see their own region (another region is FORBIDDEN); the national office sees all; anonymous and PARTNER callers are FORBIDDEN (public figures: Programme.stats).',
  })
  async enrolments(
    @Ctx() { db, viewer, loaders }: Context,
    @Arg('programme', () => ID, { nullable: true, description: 'Only this programme (its code).' }) programme?: string | null,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region (MA-01 … MA-12).' }) region?: string | null,
    @Arg('status', () => EnrolmentStatus, { nullable: true, description: 'Only this status.' }) status?: EnrolmentStatus | null,
    @Args() { first, after }: PageArgs = {},
  ): Promise<EnrolmentConnection> {
    const scope = policy.enrolmentListScope(viewer, region ? regionArg(region) : null);
    if (programme && !(await loaders.programme.load(programme))) throw badInput(`No programme has the code "${programme}"`, 'programme');
    const { rows, hasNextPage, totalCount } = await findEnrolmentPage(db, {
      scope,
      programme: programme ?? null,
      status: status ?? null,
      size: pageSize(first),
      after: decodeTimeIdCursor(after),
    });
    return connectionOf(rows, hasNextPage, totalCount, (row) => [row.enrolledAt.toISOString(), row.id]);
  }

  @FieldResolver(() => Programme, { description: 'The programme.' })
  async programme(@Root() enrolment: Enrolment, @Ctx() { loaders }: Context): Promise<Programme> {
    return (await loaders.programme.load(enrolment.programmeCode))!;
  }

  @FieldResolver(() => AutoEntrepreneur, {
    nullable: true,
    description: 'The beneficiary, resolved by the registry under its access rules (null with FORBIDDEN when the caller may not read this person).',
  })
  beneficiary(@Root() enrolment: Enrolment, @Ctx() { viewer }: Context): AutoEntrepreneur {
    notePersonalRead(viewer, enrolment.autoEntrepreneurId); // who is enrolled where is personal data (audit)
    return { id: enrolment.autoEntrepreneurId };
  }

  @FieldResolver(() => [FollowUp], { description: "The advisor's follow-up contacts with the beneficiary, oldest first." })
  followUps(@Root() enrolment: Enrolment, @Ctx() { loaders }: Context): Promise<FollowUp[]> {
    return loaders.followUpsOf.load(enrolment.id);
  }

  @Mutation(() => FollowUp, {
    description:
      "Records a follow-up contact on an enrolment: the advisors of the enrolment's region (an advisor's token names the advisor recorded) and the national office.",
  })
  recordFollowUp(
    @Arg('enrolment', () => ID, { description: 'The enrolment.' }) enrolment: string,
    @Arg('input', () => FollowUpInput, { description: 'The contact.' }) input: FollowUpInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<FollowUp> {
    return new Network(db, viewer).recordFollowUp(enrolment, input);
  }

  @FieldResolver(() => Advisor, { nullable: true, description: 'The advisor who follows this enrolment.' })
  advisor(@Root() enrolment: Enrolment, @Ctx() { loaders }: Context): Promise<Advisor | null> | null {
    return enrolment.advisorId ? loaders.advisor.load(enrolment.advisorId) : null;
  }

  @Mutation(() => Enrolment, {
    description:
      'Enrols a REGISTERED auto-entrepreneur in a programme running in their region (status APPLIED). Advisors of the region and the national office; once per person and programme.',
  })
  enrol(@Arg('input', () => EnrolmentInput, { description: 'The enrolment.' }) input: EnrolmentInput, @Ctx() { db, viewer }: Context): Promise<Enrolment> {
    return new Enrolments(db, viewer).enrol(input);
  }

  @Mutation(() => Enrolment, { description: 'Moves an enrolment on: APPLIED → ACCEPTED → ACTIVE → COMPLETED, or DROPPED from any open state.' })
  moveEnrolment(
    @Arg('id', () => ID, { description: 'The enrolment id.' }) id: string,
    @Arg('status', () => EnrolmentStatus, { description: 'The new status.' }) status: EnrolmentStatus,
    @Ctx() { db, viewer }: Context,
  ): Promise<Enrolment> {
    return new Enrolments(db, viewer).move(id, status);
  }

  @Mutation(() => Enrolment, { description: "Records a repayment of an honour loan (prêt d'honneur)." })
  recordRepayment(
    @Arg('id', () => ID, { description: 'The enrolment id.' }) id: string,
    @Arg('amount', () => Float, { description: 'Amount repaid, MAD.' }) amount: number,
    @Ctx() { db, viewer }: Context,
  ): Promise<Enrolment> {
    return new Enrolments(db, viewer).recordRepayment(id, amount);
  }
}

@Resolver(() => AutoEntrepreneur)
export class AutoEntrepreneurEnrolmentsResolver {
  @FieldResolver(() => [Enrolment], { nullable: true, description: 'Programmes this auto-entrepreneur is enrolled in. From the programs subgraph.' })
  enrolments(@Root() person: AutoEntrepreneur, @Ctx() { loaders }: Context): Promise<Enrolment[]> {
    return loaders.enrolmentsOfPerson.load(person.id);
  }
}
