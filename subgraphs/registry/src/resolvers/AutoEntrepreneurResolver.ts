import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { decodeCursor, encodeCursor, invalidCursor, pageSize, regionArg } from '@moukawil/kit';
import { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { RegistrationStatus } from '../entities/enums';
import { ApplicationInput, AutoEntrepreneurConnection } from '../entities/inputs';
import { Region } from '../entities/Region';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { idArg, Register } from '../register';

@Resolver(() => AutoEntrepreneur)
export class AutoEntrepreneurResolver {
  @Query(() => AutoEntrepreneur, { nullable: true, description: 'One auto-entrepreneur by id. Councils (REGIONAL), advisors (ADVISOR) of its region and the national office only; others get FORBIDDEN.' })
  async autoEntrepreneur(@Arg('id', () => ID, { description: 'The id (UUID).' }) id: string, @Ctx() { loaders, viewer }: Context): Promise<AutoEntrepreneur | null> {
    const person = await loaders.autoEntrepreneur.load(idArg(id));
    return person && policy.assertCanRead(viewer, person);
  }

  @Query(() => AutoEntrepreneurConnection, { description: 'A page of auto-entrepreneurs, oldest application first. Regional roles see their own region (another region is FORBIDDEN); the national office sees all; anonymous and PARTNER callers are FORBIDDEN.' })
  async autoEntrepreneurs(
    @Ctx() { db, viewer }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region (MA-01 … MA-12).' }) region?: string | null,
    @Arg('status', () => RegistrationStatus, { nullable: true, description: 'Only this status.' }) status?: RegistrationStatus | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 500 (default 50).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last row already read (pageInfo.endCursor).' }) after?: string | null,
  ): Promise<AutoEntrepreneurConnection> {
    const scope = policy.listScope(viewer, region ? regionArg(region) : null);
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const query = db.getRepository(AutoEntrepreneur).createQueryBuilder('a');
    if (scope !== 'ALL') query.andWhere('a.regionCode IN (:...regions)', { regions: scope });
    if (status) query.andWhere('a.status = :status', { status });
    const counting = query.clone().getCount();
    if (cursor) {
      if (Number.isNaN(Date.parse(String(cursor[0])))) throw invalidCursor();
      query.andWhere('(a.submittedAt, a.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at: cursor[0], id: idArg(String(cursor[1])) });
    }
    const rows = await query.orderBy('a.submittedAt', 'ASC').addOrderBy('a.id', 'ASC').take(size + 1).getMany();
    const page = rows.slice(0, size);
    const edges = page.map((node) => ({ node, cursor: encodeCursor([node.submittedAt.toISOString(), node.id]) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: await counting,
    };
  }

  @FieldResolver(() => String, { description: 'Full name. Personal data: readable by the council, advisors of the region and the national office.' })
  fullName(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string {
    return policy.assertCanRead(viewer, person).fullName;
  }

  @FieldResolver(() => String, { description: 'National ID (CIN). Full for advisors of the region and the national office; masked for the regional council (e.g. "JB12****").' })
  nationalId(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string {
    return policy.nationalId(viewer, person);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number. Advisors of the region and the national office only.' })
  phone(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string | null {
    policy.assertCanReadContact(viewer, person);
    return person.phone;
  }

  @FieldResolver(() => String, { description: 'Birth date (ISO). Advisors of the region and the national office only.' })
  birthDate(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string {
    policy.assertCanReadContact(viewer, person);
    return person.birthDate;
  }

  @FieldResolver(() => Region, { description: 'Region of activity.' })
  region(@Root() person: AutoEntrepreneur): Region {
    return { code: person.regionCode };
  }

  @FieldResolver(() => Activity, { description: 'Declared activity, from the nomenclature.' })
  async activity(@Root() person: AutoEntrepreneur, @Ctx() { loaders }: Context): Promise<Activity> {
    return (await loaders.activity.load(person.activityCode))!;
  }

  @Mutation(() => AutoEntrepreneur, { description: 'Files an application to the register (status SUBMITTED). Advisors of the region and the national office.' })
  submitApplication(@Arg('input', () => ApplicationInput, { description: 'The application.' }) input: ApplicationInput, @Ctx() { db, viewer }: Context): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).submit(input);
  }

  @Mutation(() => AutoEntrepreneur, { description: 'Registers a SUBMITTED application in the RNAE and gives it its registration number.' })
  registerApplication(@Arg('id', () => ID, { description: 'The application id.' }) id: string, @Ctx() { db, viewer }: Context): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).register(id);
  }

  @Mutation(() => AutoEntrepreneur, { description: 'Rejects a SUBMITTED application, with a reason.' })
  rejectApplication(
    @Arg('id', () => ID, { description: 'The application id.' }) id: string,
    @Arg('reason', { description: 'Why it is rejected (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).reject(id, reason);
  }
}

/** `_entities` path (e.g. Enrolment.beneficiary): the same rule as the root field; async so one refusal does not fail the batch. */
export async function autoEntrepreneurReference(reference: { id: string }, { loaders, viewer }: Context): Promise<AutoEntrepreneur | null> {
  const person = await loaders.autoEntrepreneur.load(idArg(reference.id));
  return person && policy.assertCanRead(viewer, person);
}
