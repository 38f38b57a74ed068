import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionArg } from '@moukawil/kit/domain';
import { Convention } from '../entities/Convention';
import { Ecosystem } from '../entities/Ecosystem';
import { Partner } from '../entities/Partner';
import { Province } from '../entities/Province';
import { Region } from '../entities/Region';
import type { Context } from '../loaders';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'The 12 regions, in code order (MA-01 … MA-12).' })
  async regions(@Ctx() { loaders }: Context): Promise<Region[]> {
    return (await loaders.reference()).regions;
  }

  @Query(() => Region, { nullable: true, description: 'One region by its ISO code, e.g. "MA-09" for Souss-Massa.' })
  region(@Arg('code', () => ID, { description: 'ISO 3166-2:MA code, MA-01 … MA-12.' }) code: string, @Ctx() { loaders }: Context): Promise<Region | null> {
    return loaders.region.load(regionArg(code, 'code'));
  }

  @FieldResolver(() => [Province], { description: 'Its prefectures and provinces (prefectures first).' })
  provinces(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Province[]> {
    return loaders.provinces.load(region.code);
  }

  @FieldResolver(() => [Ecosystem], { description: 'Industrial ecosystems and growth sectors of the region open to auto-entrepreneurs.' })
  ecosystems(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Ecosystem[]> {
    return loaders.ecosystems.load(region.code);
  }

  @FieldResolver(() => [Partner], { description: 'Regional partners: regional council, CCIS, CRI, local associations and councils.' })
  partners(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Partner[]> {
    return loaders.partners.load(region.code);
  }

  @FieldResolver(() => [Convention], { description: 'Partnership conventions covering the region.' })
  conventions(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Convention[]> {
    return loaders.conventions.load(region.code);
  }
}

/** Entity references from the other subgraphs, batched. */
export const regionReference = async (reference: { code: string }, { loaders }: Context) => loaders.region.load(reference.code);

export const provinceReference = async (reference: { code: string }, { loaders }: Context) => loaders.province.load(reference.code);
export const partnerReference = async (reference: { code: string }, { loaders }: Context) => loaders.partner.load(reference.code);
