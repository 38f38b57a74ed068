import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChangeRecord } from '@moukawil/kit/subgraph';
import { CommitmentInput, ConventionInput } from '../entities/inputs';
import { policy } from '../policy';
import { Agreements } from '../write/agreements';
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

  @Mutation(() => Convention, {
    description:
      'Records a convention (PLANNED, or SIGNED with its year): of a region by its council or the national office; a national one by the national office.',
  })
  createConvention(
    @Arg('input', () => ConventionInput, { description: 'The convention.' }) input: ConventionInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Convention> {
    return new Agreements(db, viewer).createConvention(input);
  }

  @Mutation(() => Convention, { description: 'Records that a PLANNED convention was signed.' })
  signConvention(
    @Arg('code', () => ID, { description: 'Convention code.' }) code: string,
    @Arg('year', () => Int, { description: 'Year it was signed.' }) year: number,
    @Ctx() { db, viewer }: Context,
  ): Promise<Convention> {
    return new Agreements(db, viewer).signConvention(code, year);
  }

  @Mutation(() => Commitment, {
    description: 'Adds a commitment to a convention, measured by an existing indicator target of the same scope and period (set it first with setTarget).',
  })
  addCommitment(
    @Arg('convention', () => ID, { description: 'Convention code.' }) convention: string,
    @Arg('input', () => CommitmentInput, { description: 'The commitment.' }) input: CommitmentInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Commitment> {
    return new Agreements(db, viewer).addCommitment(convention, input);
  }

  @FieldResolver(() => [ChangeRecord], {
    description: 'Every change of this convention and its commitments, oldest first: for the national office and the councils.',
  })
  history(@Root() convention: Convention, @Ctx() { viewer, loaders }: Context): Promise<ChangeRecord[]> {
    policy.assertMayReadHistory(viewer);
    return loaders.history.load(`Convention|${convention.code}`);
  }

  @FieldResolver(() => [Commitment], { description: 'Quantified commitments, by due year.' })
  commitments(@Root() convention: Convention, @Ctx() { loaders }: Context): Promise<Commitment[]> {
    return loaders.commitments.load(convention.code);
  }
}
