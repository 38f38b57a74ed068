import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { regionArg } from '@moukawil/kit/domain';
import { Commitment, Convention } from '../entities/Convention';
import { Partner } from '../entities/Partner';
import { Region } from '../entities/Region';
import type { Context } from '../loaders';

@Resolver(() => Convention)
export class ConventionResolver {
  @Query(() => [Convention], { description: 'Partnership conventions: those of one region, or all (national ones included) when no region is given.' })
  conventions(
    @Arg('region', () => ID, { nullable: true, description: 'ISO code of a region; national conventions have none.' }) region: string | null,
    @Ctx() { db }: Context,
  ): Promise<Convention[]> {
    const where = region ? { regionCode: regionArg(region) } : {};
    return db.getRepository(Convention).find({ where, order: { code: 'ASC' } });
  }

  @Query(() => [Partner], { description: 'Partners of one region, or the national partners when no region is given.' })
  partners(
    @Arg('region', () => ID, { nullable: true, description: 'ISO code of a region.' }) region: string | null,
    @Ctx() { db }: Context,
  ): Promise<Partner[]> {
    return db.getRepository(Partner).find({ where: { regionCode: region ? regionArg(region) : IsNull() }, order: { code: 'ASC' } });
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region it covers; null for a national agreement.' })
  region(@Root() convention: Convention, @Ctx() { loaders }: Context): Promise<Region | null> | null {
    return convention.regionCode ? loaders.region.load(convention.regionCode) : null;
  }

  @FieldResolver(() => [Partner], { description: 'The signing parties.' })
  async parties(@Root() convention: Convention, @Ctx() { loaders }: Context): Promise<Partner[]> {
    const links = await loaders.parties.load(convention.code);
    const partners = await loaders.partner.loadMany(links.map((l) => l.partnerCode));
    return partners.filter((p): p is Partner => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => [Commitment], { description: 'Quantified commitments, by due year.' })
  commitments(@Root() convention: Convention, @Ctx() { loaders }: Context): Promise<Commitment[]> {
    return loaders.commitments.load(convention.code);
  }
}
