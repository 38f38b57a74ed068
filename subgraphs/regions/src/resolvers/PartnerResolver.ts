import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ChangeRecord } from '@moukawil/kit/subgraph';
import { PartnerInput } from '../entities/inputs';
import { Partner } from '../entities/Partner';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { Agreements } from '../write/agreements';

@Resolver(() => Partner)
export class PartnerResolver {
  @Mutation(() => Partner, {
    description: 'Records a partner organisation: of a region by its council or the national office; a national one by the national office.',
  })
  createPartner(@Arg('input', () => PartnerInput, { description: 'The partner.' }) input: PartnerInput, @Ctx() { db, viewer }: Context): Promise<Partner> {
    return new Agreements(db, viewer).createPartner(input);
  }

  @Mutation(() => Partner, { description: 'Renames a partner, with a reason (its history keeps the previous name).' })
  renamePartner(
    @Arg('code', () => ID, { description: 'Partner code.' }) code: string,
    @Arg('name', { description: 'The new name.' }) name: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Partner> {
    return new Agreements(db, viewer).renamePartner(code, name, reason);
  }

  @FieldResolver(() => [ChangeRecord], { description: 'Every change of this partner, oldest first: for the national office and the councils.' })
  history(@Root() partner: Partner, @Ctx() { viewer, loaders }: Context): Promise<ChangeRecord[]> {
    policy.assertMayReadHistory(viewer);
    return loaders.history.load(`Partner|${partner.code}`);
  }
}
