import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { ChangeRecord, optionalYearArg } from '@moukawil/kit/subgraph';
import { ProgrammeEdit, ProgrammeInput } from '../entities/inputs';
import { policy } from '../policy';
import { Programmes } from '../write/programmes';
import { Enrolment } from '../entities/Enrolment';
import { Programme } from '../entities/Programme';
import { ProgrammeStats } from '../entities/ProgrammeStats';
import { Partner, Region } from '../foreign';
import { DEFAULT_ENROLMENTS, type Context } from '../loaders';
import { total } from '../read/stats';

/** Figures of one programme, in one region or all of them, as the public ProgrammeStats. */
export async function statsOf(programme: Programme, region: string | null, year: number | null, { loaders }: Context): Promise<ProgrammeStats> {
  const rows = (await loaders.figures.load(year === null ? '*' : String(year))).filter(
    (r) => r.programmeCode === programme.code && (region === null || r.regionCode === region),
  );
  const sum = total(rows, programme.code, region ?? '*');
  return { ...sum, programme, region: region ? { code: region } : null, year, womenShare: sum.beneficiaries ? sum.women / sum.beneficiaries : 0 };
}

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'Support programmes: all of them, or those running in one region.' })
  async programmes(
    @Ctx() { db, loaders }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only programmes running in this region (MA-01 … MA-12).' }) region?: string | null,
  ): Promise<Programme[]> {
    if (region) return loaders.programmesOfRegion.load(regionArg(region));
    return db.getRepository(Programme).find({ order: { code: 'ASC' } });
  }

  @Query(() => Programme, { nullable: true, description: 'One programme by code.' })
  programme(@Arg('code', () => ID, { description: 'Programme code.' }) code: string, @Ctx() { loaders }: Context): Promise<Programme | null> {
    return loaders.programme.load(code);
  }

  @Mutation(() => Programme, { description: 'Creates a programme: the national office.' })
  createProgramme(
    @Arg('input', () => ProgrammeInput, { description: 'The programme.' }) input: ProgrammeInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Programme> {
    return new Programmes(db, viewer).create(input);
  }

  @Mutation(() => Programme, { description: 'Changes what a programme says of itself, with a reason: the national office.' })
  editProgramme(
    @Arg('code', () => ID, { description: 'Programme code.' }) code: string,
    @Arg('edit', () => ProgrammeEdit, { description: 'The values to change.' }) edit: ProgrammeEdit,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Programme> {
    return new Programmes(db, viewer).edit(code, edit, reason);
  }

  @Mutation(() => Programme, { description: 'Opens a programme in one more region: the council of that region or the national office.' })
  openProgrammeIn(
    @Arg('code', () => ID, { description: 'Programme code.' }) code: string,
    @Arg('region', () => ID, { description: 'The region.' }) region: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Programme> {
    return new Programmes(db, viewer).openIn(code, region);
  }

  @Mutation(() => Programme, { description: 'Closes a programme in one region (its enrolments stay): the council of that region or the national office.' })
  closeProgrammeIn(
    @Arg('code', () => ID, { description: 'Programme code.' }) code: string,
    @Arg('region', () => ID, { description: 'The region.' }) region: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Programme> {
    return new Programmes(db, viewer).closeIn(code, region, reason);
  }

  @Mutation(() => Programme, { description: 'Closes a programme after its last year (no enrolment afterwards; its enrolments stay): the national office.' })
  closeProgramme(
    @Arg('code', () => ID, { description: 'Programme code.' }) code: string,
    @Arg('lastYear', () => Int, { description: 'Its last year.' }) lastYear: number,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Programme> {
    return new Programmes(db, viewer).close(code, lastYear, reason);
  }

  @FieldResolver(() => [ChangeRecord], { description: 'Every change of this programme, oldest first: for the national office, councils and advisors.' })
  history(@Root() programme: Programme, @Ctx() { viewer, loaders }: Context): Promise<ChangeRecord[]> {
    policy.assertStaff(viewer);
    return loaders.history.load(`Programme|${programme.code}`);
  }

  @FieldResolver(() => [Region], { description: 'Regions where the programme runs.' })
  regions(@Root() programme: Programme): Region[] {
    return programme.regionCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => Boolean, { description: 'True when it runs in all 12 regions.' })
  isNational(@Root() programme: Programme): boolean {
    return programme.regionCodes.length === 12;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner that runs or funds it (from the regions subgraph).' })
  partner(@Root() programme: Programme): Partner | null {
    return programme.partnerCode ? { code: programme.partnerCode } : null;
  }

  @FieldResolver(() => [Enrolment], {
    description: 'Its first enrolments, oldest first, limited to the regions whose people the caller may read (empty for anonymous and PARTNER callers).',
  })
  enrolments(
    @Root() programme: Programme,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: `How many, 1 to 500 (default ${DEFAULT_ENROLMENTS}).` }) first?: number | null,
  ): Promise<Enrolment[]> {
    const n = first ?? DEFAULT_ENROLMENTS;
    if (!Number.isInteger(n) || n < 1 || n > 500) throw badInput('"first" must be between 1 and 500', 'first');
    return loaders.enrolmentsOfProgramme.load(`${programme.code}|${n}`);
  }

  @FieldResolver(() => ProgrammeStats, {
    description: 'Beneficiaries, women share and amounts lent, for the enrolments of a year (or all years), in one region or all (public).',
  })
  stats(
    @Root() programme: Programme,
    @Ctx() context: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Year of enrolment; all years when omitted.' }) year?: number | null,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
  ): Promise<ProgrammeStats> {
    return statsOf(programme, region ? regionArg(region) : null, optionalYearArg(year), context);
  }
}

export const programmeReference = async (reference: { code: string }, { loaders }: Context) => loaders.programme.load(reference.code);
