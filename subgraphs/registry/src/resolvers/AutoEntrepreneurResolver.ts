import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { provinceArg, regionArg } from '@moukawil/kit/domain';
import { connectionOf, decodeTimeIdCursor, pageSize, PageArgs, recordAudit, textArg } from '@moukawil/kit/subgraph';
import { forbidden } from '@moukawil/kit/core';
import { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { ActivityCategory, EventKind, PopulationSegment, RegistrationStatus, StrikeOffReason } from '../entities/enums';
import { ApplicationInput, AutoEntrepreneurConnection, PersonalDetailsInput } from '../entities/inputs';
import { Province, Region } from '../foreign';
import { RegistryEvent } from '../entities/RegistryEvent';
import { TurnoverDeclaration } from '../entities/TurnoverDeclaration';
import type { Context } from '../loaders';
import { policy } from '../policy';
import { Declarations } from '../write/declarations';
import { idArg } from '../write/person';
import { Register } from '../write/register';
import { findPage } from '../read/people';

@Resolver(() => AutoEntrepreneur)
export class AutoEntrepreneurResolver {
  @Query(() => AutoEntrepreneur, {
    nullable: true,
    description:
      'One auto-entrepreneur by id. Councils (REGIONAL), advisors (ADVISOR) of its region and the national office only; others get FORBIDDEN, the same refusal as for an id that matches nobody (null is for the national office only).',
  })
  async autoEntrepreneur(
    @Arg('id', () => ID, { description: 'The id (UUID).' }) id: string,
    @Ctx() { loaders, viewer }: Context,
  ): Promise<AutoEntrepreneur | null> {
    return policy.readable(viewer, await loaders.autoEntrepreneur.load(idArg(id)));
  }

  @Query(() => AutoEntrepreneur, {
    nullable: true,
    description:
      "Everything held on one person (law 09-08, droit d'accès), for the national office answering a request: ask for every field, the history, the declarations and the enrolments (programs subgraph) in one operation. Recorded in the audit trail as SUBJECT_ACCESS with the reason given.",
  })
  async personalDataOf(
    @Arg('id', () => ID, { description: 'The person (UUID).' }) id: string,
    @Arg('reason', { description: 'Why: the request answered, e.g. "Demande écrite du 3 mars 2026" (3 to 500 characters).' }) reason: string,
    @Ctx() { db, loaders, viewer }: Context,
  ): Promise<AutoEntrepreneur | null> {
    if (viewer.role !== 'NATIONAL') throw forbidden("Answering a data subject's request is for the national office");
    const why = textArg(reason, 'reason', 3, 500);
    const person = await loaders.autoEntrepreneur.load(idArg(id));
    await recordAudit(db, viewer, { action: 'SUBJECT_ACCESS', people: person ? [person.id] : [], detail: { reason: why, found: person !== null } });
    return person;
  }

  @Query(() => AutoEntrepreneurConnection, {
    description:
      'A page of auto-entrepreneurs, oldest application first (keyset pagination). Regional roles see their own region (another region is FORBIDDEN); the national office sees all; anonymous and PARTNER callers are FORBIDDEN.',
  })
  autoEntrepreneurs(
    @Ctx() { db, viewer }: Context,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region (MA-01 … MA-12).' }) region?: string | null,
    @Arg('status', () => RegistrationStatus, { nullable: true, description: 'Only this status.' }) status?: RegistrationStatus | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'A CIN, an RNAE number, or part of a name (2 characters or more). Every search is recorded in the audit trail; a council (which sees CINs masked) may look up CINs CIN_LOOKUPS_PER_DAY times in any 24 hours (default 10), then FORBIDDEN.',
    })
    search?: string | null,
    @Arg('segment', () => PopulationSegment, { nullable: true, description: 'Only this population segment.' }) segment?: PopulationSegment | null,
    @Arg('activityCategory', () => ActivityCategory, { nullable: true, description: 'Only this activity category.' })
    activityCategory?: ActivityCategory | null,
    @Arg('province', () => ID, { nullable: true, description: 'Only this prefecture or province (e.g. "MA-09-AGD").' }) province?: string | null,
    @Args() { first, after }: PageArgs = {},
  ): Promise<AutoEntrepreneurConnection> {
    const scope = policy.listScope(viewer, region ? regionArg(region) : null);
    return findPage(db, viewer, {
      scope,
      status,
      segment,
      activityCategory,
      province: province ? provinceArg(province, region ?? undefined) : null,
      search: search ?? null,
      size: pageSize(first),
      after: decodeTimeIdCursor(after),
    }).then(({ rows, hasNextPage, totalCount }) => connectionOf(rows, hasNextPage, totalCount, (node) => [node.submittedAt.toISOString(), node.id]));
  }

  @FieldResolver(() => String, { description: 'Full name. Personal data: readable by the council, advisors of the region and the national office.' })
  fullName(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string {
    return policy.assertCanRead(viewer, person).fullName;
  }

  @FieldResolver(() => String, {
    description: 'National ID (CIN). Full for advisors of the region and the national office; masked for the regional council (e.g. "JB12****").',
  })
  nationalId(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string {
    return policy.nationalId(viewer, person);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number. Advisors of the region and the national office only.' })
  phone(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string | null {
    policy.assertCanReadContact(viewer, person);
    return person.phone;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Postal address, when known. Advisors of the region and the national office only.' })
  address(@Root() person: AutoEntrepreneur, @Ctx() { viewer }: Context): string | null {
    policy.assertCanReadContact(viewer, person);
    return person.address;
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

  @FieldResolver(() => Province, { nullable: true, description: 'Prefecture or province of activity, when given.' })
  province(@Root() person: AutoEntrepreneur): Province | null {
    return person.provinceCode ? { code: person.provinceCode } : null;
  }

  @FieldResolver(() => Activity, { description: 'Declared activity, from the nomenclature.' })
  async activity(@Root() person: AutoEntrepreneur, @Ctx() { loaders }: Context): Promise<Activity> {
    return (await loaders.activity.load(person.activityCode))!;
  }

  @FieldResolver(() => [RegistryEvent], {
    description: 'The history of the registration, oldest first: every transition and declaration, who and when. Same access as the person.',
  })
  async history(@Root() person: AutoEntrepreneur, @Ctx() { loaders, viewer }: Context): Promise<RegistryEvent[]> {
    policy.assertCanRead(viewer, person);
    const events = await loaders.history.load(person.id);
    // A rectification keeps the previous phone and address: only for those who may read them now.
    return policy.canReadContact(viewer, person) ? events : events.map(withoutContact);
  }

  @FieldResolver(() => [TurnoverDeclaration], { description: 'Quarterly turnover declarations, oldest first. Same access as the person.' })
  declarations(@Root() person: AutoEntrepreneur, @Ctx() { loaders, viewer }: Context): Promise<TurnoverDeclaration[]> {
    policy.assertCanRead(viewer, person);
    return loaders.declarations.load(person.id);
  }

  @FieldResolver(() => [Int], { description: 'Years whose declared turnover exceeded the ceiling of the activity. Two consecutive ones end the status.' })
  async yearsAboveCeiling(@Root() person: AutoEntrepreneur, @Ctx() { loaders, viewer }: Context): Promise<number[]> {
    policy.assertCanRead(viewer, person);
    const [rows, activity] = await Promise.all([loaders.declarations.load(person.id), loaders.activity.load(person.activityCode)]);
    const totals = new Map<number, number>();
    for (const row of rows) totals.set(row.year, (totals.get(row.year) ?? 0) + row.amount);
    return [...totals.entries()]
      .filter(([, total]) => total > activity!.turnoverCeiling)
      .map(([year]) => year)
      .sort();
  }

  @Mutation(() => AutoEntrepreneur, { description: 'Files an application to the register (status SUBMITTED). Advisors of the region and the national office.' })
  submitApplication(
    @Arg('input', () => ApplicationInput, { description: 'The application.' }) input: ApplicationInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<AutoEntrepreneur> {
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

  @Mutation(() => AutoEntrepreneur, {
    description:
      'Strikes a REGISTERED auto-entrepreneur off the register for a legal reason (radiation). NO_TURNOVER_FOR_A_YEAR and CEILING_EXCEEDED_TWO_YEARS are checked against the declarations.',
  })
  strikeOff(
    @Arg('id', () => ID, { description: 'The auto-entrepreneur id.' }) id: string,
    @Arg('reason', () => StrikeOffReason, { description: 'The legal reason.' }) reason: StrikeOffReason,
    @Ctx() { db, viewer }: Context,
    @Arg('note', () => String, { nullable: true, description: 'Details: request date, court decision reference… (500 characters at most).' })
    note?: string | null,
  ): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).strikeOff(id, reason, note ?? null);
  }

  @Mutation(() => TurnoverDeclaration, {
    description:
      'Declares the turnover of one quarter; tax is computed at the rate of the activity for that year. A quarter already declared is refused: correct it with correctTurnover.',
  })
  declareTurnover(
    @Arg('id', () => ID, { description: 'The auto-entrepreneur id.' }) id: string,
    @Arg('period', { description: 'The quarter, e.g. "2026-Q3".' }) period: string,
    @Arg('amount', () => Float, { description: 'Turnover collected in the quarter, MAD.' }) amount: number,
    @Ctx() { db, viewer }: Context,
  ): Promise<TurnoverDeclaration> {
    return new Declarations(db, viewer).declareTurnover(id, period, amount);
  }

  @Mutation(() => AutoEntrepreneur, {
    description:
      'Reactivates a STRUCK_OFF auto-entrepreneur (a strike-off made in error, or annulled), with a reason: REGISTERED again under the same RNAE number; the history keeps the strike-off. Refused while another application of the same CIN is live.',
  })
  reactivate(
    @Arg('id', () => ID, { description: 'The auto-entrepreneur id.' }) id: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).reactivate(id, reason);
  }

  @Mutation(() => AutoEntrepreneur, {
    description:
      'Rectifies personal details (name, phone, address) at the request of the person (law 09-08), with a reason; the history keeps the previous values (phone and address shown only to those who may read them).',
  })
  rectifyPersonalDetails(
    @Arg('id', () => ID, { description: 'The auto-entrepreneur id.' }) id: string,
    @Arg('details', () => PersonalDetailsInput, { description: 'The details to rectify.' }) details: PersonalDetailsInput,
    @Arg('reason', { description: 'Why (3 to 500 characters), e.g. the request received.' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<AutoEntrepreneur> {
    return new Register(db, viewer).rectify(id, details, reason);
  }

  @Mutation(() => TurnoverDeclaration, { description: 'Corrects the turnover of a declared quarter, with a reason; the history keeps the previous amount.' })
  correctTurnover(
    @Arg('id', () => ID, { description: 'The auto-entrepreneur id.' }) id: string,
    @Arg('period', { description: 'The quarter, e.g. "2026-Q3".' }) period: string,
    @Arg('amount', () => Float, { description: 'The right turnover, MAD.' }) amount: number,
    @Arg('reason', { description: 'Why it changes (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<TurnoverDeclaration> {
    return new Declarations(db, viewer).correctTurnover(id, period, amount, reason);
  }
}

/** `_entities` path (e.g. Enrolment.beneficiary): the same rule as the root field; async so one refusal does not fail the batch. */
export async function autoEntrepreneurReference(reference: { id: string }, { loaders, viewer }: Context): Promise<AutoEntrepreneur | null> {
  return policy.readable(viewer, await loaders.autoEntrepreneur.load(idArg(reference.id)));
}

/** A history entry as shown to a caller who may not read contact details: phone and address values left out. */
function withoutContact(event: RegistryEvent): RegistryEvent {
  if (!event.detail || event.kind !== EventKind.DETAILS_RECTIFIED) return event;
  const hide = (values: unknown) =>
    Object.fromEntries(
      Object.entries((values ?? {}) as Record<string, unknown>).map(([k, v]) => [k, k === 'phone' || k === 'address' ? '(contact details)' : v]),
    );
  return Object.assign(new RegistryEvent(), event, { detail: { ...event.detail, previous: hide(event.detail.previous), current: hide(event.detail.current) } });
}
