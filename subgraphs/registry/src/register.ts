import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, regionArg, type Viewer } from '@moukawil/kit';
import { Activity } from './entities/Activity';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import { PopulationSegment, RegistrationStatus as S } from './entities/enums';
import type { ApplicationInput } from './entities/inputs';
import { policy } from './policy';
import * as rules from './rules/application';
import { LIVE_STATUSES, registrationNumber, transitionError } from './rules/lifecycle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idArg(id: string): string {
  if (!UUID.test(id)) throw badInput(`"${id}" is not an auto-entrepreneur id (a UUID)`, 'id');
  return id;
}

function check(message: string | null, field: string): void {
  if (message) throw badInput(message, field);
}

/** The write side of the register: each operation is one transaction, all rules checked first. */
export class Register {
  constructor(private readonly db: DataSource, private readonly viewer: Viewer) {}

  async submit(input: ApplicationInput, now = new Date()): Promise<AutoEntrepreneur> {
    const region = regionArg(input.region);
    policy.assertCanWrite(this.viewer, region);
    const nationalId = rules.normaliseNationalId(input.nationalId);
    const phone = input.phone ? rules.normalisePhone(input.phone) : null;
    check(rules.checkFullName(input.fullName), 'fullName');
    check(rules.checkNationalId(nationalId), 'nationalId');
    check(rules.checkBirthDate(input.birthDate, now), 'birthDate');
    if (phone !== null) check(rules.checkPhone(phone), 'phone');
    return this.db.transaction(async (tx) => {
      const activity = await tx.findOneBy(Activity, { code: input.activityCode });
      if (!activity) throw badInput(`"${input.activityCode}" is not an eligible activity: see Query.activities`, 'activityCode');
      const live = await tx.query(`SELECT 1 FROM auto_entrepreneur WHERE national_id = $1 AND status = ANY($2) LIMIT 1`, [nationalId, LIVE_STATUSES]);
      if (live.length > 0) throw badInput('This national ID already has a live application or registration', 'nationalId');
      const person = tx.create(AutoEntrepreneur, {
        id: randomUUID(), registrationNumber: null, status: S.SUBMITTED, fullName: input.fullName.trim().replace(/\s+/g, ' '),
        nationalId, gender: input.gender, birthDate: input.birthDate, phone, segment: input.segment ?? PopulationSegment.OTHER,
        regionCode: region, activityCode: activity.code, submittedAt: now, registeredAt: null, rejectedAt: null,
        rejectionReason: null, struckOffAt: null,
      });
      try {
        return await tx.save(person);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw badInput('This national ID already has a live application or registration', 'nationalId');
        throw error;
      }
    });
  }

  async register(id: string, now = new Date()): Promise<AutoEntrepreneur> {
    return this.move(id, S.REGISTERED, async (tx, person) => {
      const [{ n }] = await tx.query(`SELECT nextval('rnae_number_seq')::int AS n`);
      person.registrationNumber = registrationNumber(now.getUTCFullYear(), person.regionCode, n);
      person.registeredAt = now;
    });
  }

  async reject(id: string, reason: string, now = new Date()): Promise<AutoEntrepreneur> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500) throw badInput('The reason must be 3 to 500 characters long', 'reason');
    return this.move(id, S.REJECTED, async (_tx, person) => {
      person.rejectedAt = now;
      person.rejectionReason = why;
    });
  }

  /** Locks the row, checks the access and the transition, applies `change`, saves: one transaction. */
  private async move(id: string, to: S, change: (tx: EntityManager, person: AutoEntrepreneur) => Promise<void>): Promise<AutoEntrepreneur> {
    idArg(id);
    return this.db.transaction(async (tx) => {
      const person = await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw badInput(`No application has the id "${id}"`, 'id');
      policy.assertCanWrite(this.viewer, person.regionCode);
      check(transitionError(person.status, to), 'id');
      person.status = to;
      await change(tx, person);
      return tx.save(person);
    });
  }
}
