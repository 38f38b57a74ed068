import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, regionArg } from '@moukawil/kit';
import { Enrolment } from '../entities/Enrolment';
import { Programme } from '../entities/Programme';
import { Region } from '../entities/stubs';
import { DEFAULT_ENROLMENTS, type Context } from '../loaders';

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

  @FieldResolver(() => [Region], { description: 'Regions where the programme runs.' })
  regions(@Root() programme: Programme): Region[] {
    return programme.regionCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => Boolean, { description: 'True when it runs in all 12 regions.' })
  isNational(@Root() programme: Programme): boolean {
    return programme.regionCodes.length === 12;
  }

  @FieldResolver(() => [Enrolment], { description: 'Its first enrolments, oldest first, limited to the regions whose people the caller may read (empty for anonymous and PARTNER callers).' })
  enrolments(
    @Root() programme: Programme,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: `How many, 1 to 500 (default ${DEFAULT_ENROLMENTS}).` }) first?: number | null,
  ): Promise<Enrolment[]> {
    const n = first ?? DEFAULT_ENROLMENTS;
    if (!Number.isInteger(n) || n < 1 || n > 500) throw badInput('"first" must be between 1 and 500', 'first');
    return loaders.enrolmentsOfProgramme.load(`${programme.code}|${n}`);
  }
}

@Resolver(() => Region)
export class RegionProgrammesResolver {
  @FieldResolver(() => [Programme], { nullable: true, description: 'Support programmes running in the region. From the programs subgraph.' })
  programmes(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.programmesOfRegion.load(region.code);
  }
}

export const programmeReference = async (reference: { code: string }, { loaders }: Context) => loaders.programme.load(reference.code);
