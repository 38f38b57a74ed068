import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { optionalYearArg } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { EventKind } from '../entities/enums';
import { Event } from '../entities/Event';
import { Programme } from '../entities/Programme';
import { ProgrammeStats } from '../entities/ProgrammeStats';
import { Region } from '../foreign';
import type { Context } from '../loaders';
import { statsOf } from './ProgrammeResolver';

@Resolver(() => Region)
export class RegionProgrammesResolver {
  @FieldResolver(() => [Programme], { nullable: true, description: 'Support programmes running in the region. From the programs subgraph.' })
  programmes(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.programmesOfRegion.load(region.code);
  }

  @FieldResolver(() => [ProgrammeStats], {
    nullable: true,
    description: 'Beneficiaries of each programme running in the region, for the enrolments of a year (or all years). Public. From the programs subgraph.',
  })
  async programmeStats(
    @Root() region: Region,
    @Ctx() context: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Year of enrolment; all years when omitted.' }) year?: number | null,
  ): Promise<ProgrammeStats[]> {
    const programmes = await context.loaders.programmesOfRegion.load(region.code);
    return Promise.all(programmes.map((p) => statsOf(p, region.code, optionalYearArg(year), context)));
  }

  @FieldResolver(() => [Advisor], { nullable: true, description: 'Entrepreneurship advisors working in the region. From the programs subgraph.' })
  advisors(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Advisor[]> {
    return loaders.advisorsOfRegion.load(region.code);
  }

  @FieldResolver(() => [Event], {
    nullable: true,
    description: 'Awareness events, advisor workshops and council sessions held in the region, oldest first. From the programs subgraph.',
  })
  async events(
    @Root() region: Region,
    @Ctx() { loaders }: Context,
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only this kind.' }) kind?: EventKind | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
  ): Promise<Event[]> {
    const all = await loaders.eventsOfRegion.load(region.code);
    return all.filter((e) => (!kind || e.kind === kind) && (!year || e.heldOn.startsWith(String(year))));
  }
}
