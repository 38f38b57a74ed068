import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { canReadPeopleOf, regionArg } from '@moukawil/kit/domain';
import { check, RecordedRefusal, textArg, writeTransaction } from '@moukawil/kit/subgraph';
import { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { EventKind, RegistrationStatus as S, StrikeOffReason } from '../entities/enums';
import type { ApplicationInput, PersonalDetailsInput } from '../entities/inputs';
import type { RegistryEvent } from '../entities/RegistryEvent';
import { policy } from '../policy';
import { assertLookupsLeft, recordDuplicateElsewhere } from '../read/lookups';
import * as rules from '../rules/application';
import * as declarations from '../rules/declarations';
import { LIVE_STATUSES, registrationNumber, transitionError } from '../rules/lifecycle';
import { LIVE_CIN_MESSAGE, loadActivities, newApplication, validateApplication } from './application';
import { actorOf, recordEvent, type Actor } from './history';
import { idArg, lockWritable } from './person';
import { bumpRollup } from './rollup';

/**
 * The register's lifecycle: applications, registration, rejection, strike-off, reactivation and
 * rectification (turnover declarations are in declarations.ts). Each operation is one
 * transaction: the row, its history entry and the statistics rollup move together, or not at all.
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
   * (lookups.ts), and a caller whose lookups are spent may not submit until they free. The
   * budget is counted and spent in the transaction that looks, under the caller's lock, so that
   * submissions sent at once are counted one after the other; the refusal's lookup is committed
   * with the refusal (RecordedRefusal), while the key of a keyed request stays free.
   */
  submit(input: ApplicationInput, now = new Date()): Promise<AutoEntrepreneur> {
    policy.assertCanWrite(this.viewer, regionArg(input.region));
    return writeTransaction(this.db, async (tx) => {
      if (this.viewer.role !== 'NATIONAL') await assertLookupsLeft(tx, this.viewer);
      const valid = validateApplication(input, await loadActivities(tx), now);
      const person = tx.create(AutoEntrepreneur, newApplication(valid, randomUUID(), now, null));
      // No row when the CIN is live already, committed before or by a submission racing this one.
      const inserted = await tx.createQueryBuilder().insert().into(AutoEntrepreneur).values(person).orIgnore().returning('id').execute();
      if ((inserted.raw as unknown[]).length === 0) {
        await this.spendIfElsewhere(tx, valid.nationalId, null);
        throw new RecordedRefusal(badInput(LIVE_CIN_MESSAGE, 'nationalId'));
      }
      await recordEvent(tx, this.actor, person.id, EventKind.SUBMITTED, { toStatus: S.SUBMITTED }, now);
      await bumpRollup(tx, person, now.getUTCFullYear(), { applications: 1 });
      return person;
    });
  }

  /**
   * The CIN is live in another row: when that row is in a region the caller may not read,
   * saying so is a lookup, recorded and budgeted in this transaction (the caller's lock is held
   * since assertLookupsLeft). The national office reads every region: nothing to spend.
   */
  private async spendIfElsewhere(tx: EntityManager, nationalId: string, except: string | null): Promise<void> {
    const [live] = await tx.query(
      `SELECT id, region_code FROM auto_entrepreneur WHERE national_id = $1 AND status = ANY($2) AND id IS DISTINCT FROM $3 LIMIT 1`,
      [nationalId, LIVE_STATUSES, except],
    );
    if (live && !canReadPeopleOf(this.viewer, live.region_code)) await recordDuplicateElsewhere(tx, this.viewer, live.id);
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
    const why = textArg(reason, 'reason', 3, 500);
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
      const person = await lockWritable(tx, this.viewer, id);
      const why = textArg(reason, 'reason', 3, 500);
      if (person.status !== S.STRUCK_OFF) throw badInput(`Only a STRUCK_OFF auto-entrepreneur is reactivated; this one is ${person.status}`, 'id');
      if (this.viewer.role !== 'NATIONAL') await assertLookupsLeft(tx, this.viewer);
      const [live] = await tx.query(`SELECT 1 FROM auto_entrepreneur WHERE national_id = $1 AND status = ANY($2) AND id <> $3 LIMIT 1`, [
        person.nationalId,
        LIVE_STATUSES,
        id,
      ]);
      if (live) {
        // When the other row is elsewhere this refusal is a lookup: spent, and kept, with it.
        await this.spendIfElsewhere(tx, person.nationalId, id);
        throw new RecordedRefusal(badInput('Another application of this CIN is live: it cannot be registered twice', 'id'));
      }
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
      const person = await lockWritable(tx, this.viewer, id);
      const fields = Object.keys(change) as Array<keyof typeof change>;
      const previous = Object.fromEntries(fields.map((f) => [f, person[f]]));
      if (fields.every((f) => previous[f] === change[f])) throw badInput('These are the details already recorded', 'details');
      Object.assign(person, change);
      await tx.save(person);
      await recordEvent(tx, this.actor, id, EventKind.DETAILS_RECTIFIED, { reason: why, detail: { previous, current: change } }, now);
      return person;
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
      const person = await lockWritable(tx, this.viewer, id);
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
