import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { canReadPeopleOf, provinceArg, regionArg } from '@moukawil/kit/domain';
import { check, recordWrite, textArg, uuidArg, writeTransaction } from '@moukawil/kit/subgraph';
import { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { EventKind, PopulationSegment, RegistrationStatus as S, StrikeOffReason } from '../entities/enums';
import type { ApplicationInput, PersonalDetailsInput } from '../entities/inputs';
import { RegistryEvent } from '../entities/RegistryEvent';
import { TurnoverDeclaration } from '../entities/TurnoverDeclaration';
import { policy } from '../policy';
import { assertLookupsLeft, recordDuplicateElsewhere } from '../read/lookups';
import { bumpRollup } from './rollup';
import * as rules from '../rules/application';
import * as declarations from '../rules/declarations';
import { LIVE_STATUSES, registrationNumber, transitionError } from '../rules/lifecycle';
import { taxOn } from '../rules/tax';

/** An auto-entrepreneur id argument. */
export const idArg = (id: string) => uuidArg(id, 'id');

export const LIVE_CIN_MESSAGE = 'This national ID already has a live application or registration';

/** The CIN of a submission is live in a region the caller may not read (turned into LIVE_CIN_MESSAGE by submit). */
class LiveElsewhere extends Error {
  constructor(readonly personId: string) {
    super('live elsewhere');
  }
}

/** An application, validated and normalised by the rules; shared by the mutation and the bulk import. */
export interface ValidApplication {
  fullName: string;
  nationalId: string;
  gender: string;
  birthDate: string;
  region: string;
  province: string | null;
  activity: Activity;
  phone: string | null;
  segment: PopulationSegment;
}

/** Checks an application against every rule that needs no database; throws BAD_USER_INPUT naming the field. */
export function validateApplication(input: ApplicationInput, activities: Map<string, Activity>, now: Date): ValidApplication {
  const region = regionArg(input.region);
  const province = input.province ? provinceArg(input.province, region) : null;
  const nationalId = rules.normaliseNationalId(input.nationalId);
  const phone = input.phone ? rules.normalisePhone(input.phone) : null;
  check(rules.checkFullName(input.fullName), 'fullName');
  check(rules.checkNationalId(nationalId), 'nationalId');
  check(rules.checkBirthDate(input.birthDate, now), 'birthDate');
  if (!['FEMALE', 'MALE'].includes(input.gender)) throw badInput('The gender must be FEMALE or MALE', 'gender');
  if (phone !== null) check(rules.checkPhone(phone), 'phone');
  if (input.segment && !Object.values(PopulationSegment).includes(input.segment)) throw badInput(`"${input.segment}" is not a population segment`, 'segment');
  const activity = activities.get(input.activityCode);
  if (!activity) throw badInput(`"${input.activityCode}" is not in the nomenclature of activities: see Query.activities`, 'activityCode');
  if (!activity.eligible) throw badInput(`"${activity.label}" is a profession excluded from the auto-entrepreneur status (decree 2-15-263)`, 'activityCode');
  return {
    fullName: input.fullName.trim().replace(/\s+/g, ' '),
    nationalId,
    gender: input.gender,
    birthDate: input.birthDate,
    region,
    province,
    activity,
    phone,
    segment: input.segment ?? PopulationSegment.OTHER,
  };
}

export async function loadActivities(manager: EntityManager): Promise<Map<string, Activity>> {
  return new Map((await manager.getRepository(Activity).find()).map((a) => [a.code, a]));
}

/** Who is writing, for the history. */
export interface Actor {
  subject: string;
  role: string | null;
  /** The author's region (regional roles), for the audit line. */
  region?: string | null;
}

export const actorOf = (viewer: Viewer): Actor => ({ subject: viewer.subject ?? 'anonymous', role: viewer.role, region: viewer.region });

/** A history entry: the one description of a registry_event row, for the mutations and the bulk import alike. */
export function historyEntry(actor: Actor, personId: string, kind: EventKind, fields: Partial<RegistryEvent>, at: Date): RegistryEvent {
  return Object.assign(
    new RegistryEvent(),
    {
      autoEntrepreneurId: personId,
      kind,
      fromStatus: null,
      toStatus: null,
      reason: null,
      detail: null,
      actorSubject: actor.subject,
      actorRole: actor.role,
      at,
    },
    fields,
  );
}

export async function recordEvent(
  tx: EntityManager,
  actor: Actor,
  personId: string,
  kind: EventKind,
  fields: Partial<RegistryEvent> = {},
  at = new Date(),
): Promise<void> {
  await tx.save(historyEntry(actor, personId, kind, fields, at));
  const viewer: Viewer = { subject: actor.subject, role: actor.role as Viewer['role'], region: actor.region ?? null, token: null };
  await recordWrite(tx, viewer, kind, { autoEntrepreneur: personId }, [personId]);
}

/**
 * A new application (status SUBMITTED) as a row of the register: the one description of it, for
 * submitApplication and the bulk import alike (which writes it with copyEntities, from the same
 * entity metadata), so that a column added to the register cannot be left behind by one writer.
 */
export function newApplication(valid: ValidApplication, id: string, submittedAt: Date, importKey: string | null): AutoEntrepreneur {
  return Object.assign(new AutoEntrepreneur(), {
    id,
    registrationNumber: null,
    status: S.SUBMITTED,
    fullName: valid.fullName,
    nationalId: valid.nationalId,
    gender: valid.gender as AutoEntrepreneur['gender'],
    birthDate: valid.birthDate,
    phone: valid.phone,
    address: null,
    segment: valid.segment,
    regionCode: valid.region,
    provinceCode: valid.province,
    activityCode: valid.activity.code,
    activityCategory: valid.activity.category,
    submittedAt,
    registeredAt: null,
    rejectedAt: null,
    rejectionReason: null,
    struckOffAt: null,
    struckOffReason: null,
    struckOffNote: null,
    anonymisedAt: null,
    importKey,
  } satisfies Omit<AutoEntrepreneur, never>);
}

/**
 * The write side of the register. Each operation is one transaction: the row, its history
 * entry and the statistics rollup move together, or not at all.
 */
export class Register {
  private readonly actor: Actor;

  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {
    this.actor = actorOf(viewer);
  }

  /**
   * Files an application. A CIN live in a region the caller may not read is refused like any
   * other live CIN, but that refusal told the caller something: it counts as a CIN lookup
   * (lookups.ts), and a caller whose lookups are spent may not submit until they free.
   */
  async submit(input: ApplicationInput, now = new Date()): Promise<AutoEntrepreneur> {
    policy.assertCanWrite(this.viewer, regionArg(input.region));
    if (this.viewer.role !== 'NATIONAL') await assertLookupsLeft(this.db, this.viewer);
    try {
      return await this.insertApplication(input, now);
    } catch (error) {
      if (error instanceof LiveElsewhere) {
        await recordDuplicateElsewhere(this.db, this.viewer, error.personId);
        throw badInput(LIVE_CIN_MESSAGE, 'nationalId');
      }
      throw error;
    }
  }

  private insertApplication(input: ApplicationInput, now: Date): Promise<AutoEntrepreneur> {
    return writeTransaction(this.db, async (tx) => {
      const valid = validateApplication(input, await loadActivities(tx), now);
      const [live] = await tx.query(`SELECT id, region_code FROM auto_entrepreneur WHERE national_id = $1 AND status = ANY($2) LIMIT 1`, [
        valid.nationalId,
        LIVE_STATUSES,
      ]);
      if (live && !canReadPeopleOf(this.viewer, live.region_code)) throw new LiveElsewhere(live.id);
      if (live) throw badInput(LIVE_CIN_MESSAGE, 'nationalId');
      const person = tx.create(AutoEntrepreneur, newApplication(valid, randomUUID(), now, null));
      try {
        await tx.insert(AutoEntrepreneur, person);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw badInput(LIVE_CIN_MESSAGE, 'nationalId');
        throw error;
      }
      await recordEvent(tx, this.actor, person.id, EventKind.SUBMITTED, { toStatus: S.SUBMITTED }, now);
      await bumpRollup(tx, person, now.getUTCFullYear(), { applications: 1 });
      return person;
    });
  }

  register(id: string, now = new Date()): Promise<AutoEntrepreneur> {
    return this.move(id, S.REGISTERED, now, async (tx, person) => {
      const [{ n }] = await tx.query(`SELECT nextval('rnae_number_seq')::int AS n`);
      person.registrationNumber = registrationNumber(now.getUTCFullYear(), person.regionCode, n);
      person.registeredAt = now;
      await bumpRollup(tx, person, now.getUTCFullYear(), { registered: 1 });
      return { detail: { registrationNumber: person.registrationNumber } };
    });
  }

  reject(id: string, reason: string, now = new Date()): Promise<AutoEntrepreneur> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500) throw badInput('The reason must be 3 to 500 characters long', 'reason');
    return this.move(id, S.REJECTED, now, async (tx, person) => {
      person.rejectedAt = now;
      person.rejectionReason = why;
      await bumpRollup(tx, person, now.getUTCFullYear(), { rejected: 1 });
      return { reason: why };
    });
  }

  strikeOff(id: string, reason: StrikeOffReason, note: string | null, now = new Date()): Promise<AutoEntrepreneur> {
    if (!Object.values(StrikeOffReason).includes(reason)) throw badInput(`"${reason}" is not a legal reason for striking off`, 'reason');
    const details = note?.trim() || null;
    if (details && details.length > 500) throw badInput('The note must be at most 500 characters long', 'note');
    return this.move(id, S.STRUCK_OFF, now, async (tx, person) => {
      const evidence = await this.strikeOffEvidence(tx, person, reason, now);
      person.struckOffAt = now;
      person.struckOffReason = reason;
      person.struckOffNote = details;
      await bumpRollup(tx, person, now.getUTCFullYear(), { struck_off: 1 });
      return { reason, detail: { note: details, ...evidence } };
    });
  }

  /** The two reasons that depend on the declarations are checked against them. */
  private async strikeOffEvidence(tx: EntityManager, person: AutoEntrepreneur, reason: StrikeOffReason, now: Date): Promise<Record<string, unknown>> {
    if (reason !== StrikeOffReason.NO_TURNOVER_FOR_A_YEAR && reason !== StrikeOffReason.CEILING_EXCEEDED_TWO_YEARS) return {};
    const rows: Array<{ year: number; total: number }> = await tx.query(
      `SELECT year, sum(amount)::float8 AS total FROM turnover_declaration WHERE auto_entrepreneur_id = $1 GROUP BY year`,
      [person.id],
    );
    const totals = new Map(rows.map((r) => [r.year, r.total]));
    if (reason === StrikeOffReason.NO_TURNOVER_FOR_A_YEAR) {
      const years = declarations.yearsWithoutTurnover(totals, person.registeredAt!, now);
      if (years.length === 0)
        throw badInput('Turnover was declared in every full calendar year since the year of registration: NO_TURNOVER_FOR_A_YEAR does not apply', 'reason');
      return { yearsWithoutTurnover: years };
    }
    const activity = await tx.findOneByOrFail(Activity, { code: person.activityCode });
    const years = declarations.ceilingExceededTwoYears(totals, activity.turnoverCeiling);
    if (years.length === 0)
      throw badInput(
        `The turnover did not exceed the ceiling (${activity.turnoverCeiling} MAD) two consecutive years: CEILING_EXCEEDED_TWO_YEARS does not apply`,
        'reason',
      );
    return { ceilingExceededIn: years.flatMap((y) => [y - 1, y]) };
  }

  /**
   * A struck-off person registered again under the same number. The strike-off's flow leaves the
   * statistics of its year (the rollup counts who is struck off, so that it stays what the people
   * rows say); the history keeps it, with the reactivation.
   */
  reactivate(id: string, reason: string, now = new Date()): Promise<AutoEntrepreneur> {
    idArg(id);
    return writeTransaction(this.db, async (tx) => {
      const person = policy.writable(this.viewer, await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      const why = textArg(reason, 'reason', 3, 500);
      if (person.status !== S.STRUCK_OFF) throw badInput(`Only a STRUCK_OFF auto-entrepreneur is reactivated; this one is ${person.status}`, 'id');
      const [live] = await tx.query(`SELECT 1 FROM auto_entrepreneur WHERE national_id = $1 AND status = ANY($2) AND id <> $3 LIMIT 1`, [
        person.nationalId,
        LIVE_STATUSES,
        id,
      ]);
      if (live) throw badInput('Another application of this CIN is live: it cannot be registered twice', 'id');
      const struck = { struckOffAt: person.struckOffAt, struckOffReason: person.struckOffReason, struckOffNote: person.struckOffNote };
      await bumpRollup(tx, person, person.struckOffAt!.getUTCFullYear(), { struck_off: -1 });
      Object.assign(person, { status: S.REGISTERED, struckOffAt: null, struckOffReason: null, struckOffNote: null });
      await tx.save(person);
      await recordEvent(
        tx,
        this.actor,
        id,
        EventKind.REACTIVATED,
        { fromStatus: S.STRUCK_OFF, toStatus: S.REGISTERED, reason: why, detail: { ...struck, struckOffAt: struck.struckOffAt?.toISOString() } },
        now,
      );
      return person;
    });
  }

  /** Rectifies name, phone or address; the history entry keeps the previous values. */
  rectify(id: string, details: PersonalDetailsInput, reason: string, now = new Date()): Promise<AutoEntrepreneur> {
    idArg(id);
    const why = textArg(reason, 'reason', 3, 500);
    const change: Partial<Pick<AutoEntrepreneur, 'fullName' | 'phone' | 'address'>> = {};
    if (details.fullName != null) {
      check(rules.checkFullName(details.fullName), 'fullName');
      change.fullName = details.fullName.trim();
    }
    if (details.phone != null) {
      const phone = rules.normalisePhone(details.phone);
      check(rules.checkPhone(phone), 'phone');
      change.phone = phone;
    }
    if (details.address != null) change.address = details.address.trim() === '' ? null : textArg(details.address, 'address', 5, 300);
    if (Object.keys(change).length === 0) throw badInput('Give at least one detail to rectify', 'details');
    return writeTransaction(this.db, async (tx) => {
      const person = policy.writable(this.viewer, await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      const fields = Object.keys(change) as Array<keyof typeof change>;
      const previous = Object.fromEntries(fields.map((f) => [f, person[f]]));
      if (fields.every((f) => previous[f] === change[f])) throw badInput('These are the details already recorded', 'details');
      Object.assign(person, change);
      await tx.save(person);
      await recordEvent(tx, this.actor, id, EventKind.DETAILS_RECTIFIED, { reason: why, detail: { previous, current: change } }, now);
      return person;
    });
  }

  /** Declares a quarter's turnover; a quarter already declared is refused (use correctTurnover). */
  declareTurnover(id: string, period: string, amount: number, now = new Date()): Promise<TurnoverDeclaration> {
    return this.onDeclaration(id, period, amount, now, async (tx, person, quarter, existing) => {
      if (existing)
        throw badInput(`${declarations.formatPeriod(quarter)} is already declared (${existing.amount} MAD): use correctTurnover to change it`, 'period');
      const tax = taxOn(amount, person.activityCategory, quarter.year);
      const row = tx.create(TurnoverDeclaration, {
        autoEntrepreneurId: person.id,
        regionCode: person.regionCode,
        year: quarter.year,
        quarter: quarter.quarter,
        amount,
        tax,
        declaredAt: now,
        correctedAt: null,
      });
      await tx.insert(TurnoverDeclaration, row);
      await bumpRollup(tx, person, quarter.year, { turnover: amount, tax });
      await recordEvent(tx, this.actor, person.id, EventKind.TURNOVER_DECLARED, { detail: { period, amount, tax } }, now);
      return row;
    });
  }

  /** Replaces a declared quarter's amount, with a reason; the history keeps the previous amount. */
  correctTurnover(id: string, period: string, amount: number, reason: string, now = new Date()): Promise<TurnoverDeclaration> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500) throw badInput('The reason must be 3 to 500 characters long', 'reason');
    return this.onDeclaration(id, period, amount, now, async (tx, person, quarter, existing) => {
      if (!existing) throw badInput(`${declarations.formatPeriod(quarter)} has not been declared yet: use declareTurnover`, 'period');
      const tax = taxOn(amount, person.activityCategory, quarter.year);
      await bumpRollup(tx, person, quarter.year, { turnover: amount - existing.amount, tax: tax - existing.tax });
      await recordEvent(
        tx,
        this.actor,
        person.id,
        EventKind.TURNOVER_CORRECTED,
        {
          reason: why,
          detail: { period, previousAmount: existing.amount, amount, previousTax: existing.tax, tax },
        },
        now,
      );
      Object.assign(existing, { amount, tax, correctedAt: now });
      return tx.save(existing);
    });
  }

  private async onDeclaration(
    id: string,
    period: string,
    amount: number,
    now: Date,
    write: (tx: EntityManager, person: AutoEntrepreneur, quarter: declarations.Period, existing: TurnoverDeclaration | null) => Promise<TurnoverDeclaration>,
  ): Promise<TurnoverDeclaration> {
    idArg(id);
    const quarter = declarations.parsePeriod(period);
    if (!quarter) throw badInput(`"${period}" is not a quarter: write it like "2019-Q3"`, 'period');
    check(declarations.checkAmount(amount), 'amount');
    return writeTransaction(this.db, async (tx) => {
      const person = policy.writable(this.viewer, await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      if (person.status !== S.REGISTERED) throw badInput(`Only a REGISTERED auto-entrepreneur declares turnover; this one is ${person.status}`, 'id');
      check(declarations.checkPeriod(quarter, person.registeredAt!, now), 'period');
      const existing = await tx.findOne(TurnoverDeclaration, { where: { autoEntrepreneurId: id, year: quarter.year, quarter: quarter.quarter } });
      return write(tx, person, quarter, existing);
    });
  }

  /** Locks the row, checks access and transition, applies `change`, saves with its history entry. */
  private async move(
    id: string,
    to: S,
    now: Date,
    change: (tx: EntityManager, person: AutoEntrepreneur) => Promise<Partial<RegistryEvent>>,
  ): Promise<AutoEntrepreneur> {
    idArg(id);
    return writeTransaction(this.db, async (tx) => {
      const person = policy.writable(this.viewer, await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      const from = person.status;
      check(transitionError(from, to), 'id');
      person.status = to;
      const event = await change(tx, person);
      await tx.save(person);
      await recordEvent(tx, this.actor, person.id, to as unknown as EventKind, { fromStatus: from, toStatus: to, ...event }, now);
      return person;
    });
  }
}
