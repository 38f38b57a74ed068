import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { check, queryGraph, recordWrite, uuidArg, writeTransaction } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { Enrolment } from '../entities/Enrolment';
import { EnrolmentStatus as S, ProgrammeKind, RepaymentStatus as R } from '../entities/enums';
import type { EnrolmentInput } from '../entities/inputs';
import { Programme } from '../entities/Programme';
import { policy } from '../policy';
import { checkLoanAmount, checkOpen, transitionError } from '../rules/enrolment';

interface Person {
  id: string;
  status: string;
  gender: string;
  region: { code: string };
}

/** The write side of programmes: each operation is one transaction, all rules checked first, recorded in enrolment_event. */
export class Enrolments {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  private async record(tx: EntityManager, enrolment: Enrolment, action: string, from: S | null, detail: Record<string, unknown> = {}): Promise<void> {
    await tx.query(
      `INSERT INTO enrolment_event (enrolment_id, action, from_status, to_status, detail, actor_subject, actor_role) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [enrolment.id, action, from, enrolment.status, JSON.stringify(detail), this.viewer.subject ?? 'anonymous', this.viewer.role],
    );
    await recordWrite(tx, this.viewer, action, { enrolment: enrolment.id, programme: enrolment.programmeCode, region: enrolment.regionCode }, [
      enrolment.autoEntrepreneurId,
    ]);
  }

  /**
   * The person is read from the registry through the gateway with the caller's own token: the
   * registry's access rules decide whether this caller may act on this person at all.
   */
  private async person(id: string): Promise<Person> {
    const { autoEntrepreneur } = await queryGraph<{ autoEntrepreneur: Person | null }>(
      `query EnrolmentCheck($id: ID!) { autoEntrepreneur(id: $id) { id status gender region { code } } }`,
      { id },
      this.viewer,
    );
    if (!autoEntrepreneur) throw badInput(`No auto-entrepreneur has the id "${id}"`, 'autoEntrepreneur');
    return autoEntrepreneur;
  }

  async enrol(input: EnrolmentInput, now = new Date()): Promise<Enrolment> {
    policy.assertMayEnrol(this.viewer);
    uuidArg(input.autoEntrepreneur, 'autoEntrepreneur');
    const programme = await this.db.getRepository(Programme).findOneBy({ code: input.programme });
    if (!programme) throw badInput(`"${input.programme}" is not a programme: see Query.programmes`, 'programme');
    check(checkOpen(programme.startYear, programme.endYear, now), 'programme');
    check(checkLoanAmount(programme.kind, input.amount, programme.maxAmount), 'amount');
    const person = await this.person(input.autoEntrepreneur);
    const region = person.region.code;
    policy.assertCanWrite(this.viewer, region);
    if (person.status !== 'REGISTERED') throw badInput(`Only a REGISTERED auto-entrepreneur can be enrolled; this one is ${person.status}`, 'autoEntrepreneur');
    if (!programme.regionCodes.includes(region))
      throw badInput(`${programme.name} runs in ${programme.regionCodes.join(', ')}, not in ${region}`, 'autoEntrepreneur');
    return writeTransaction(this.db, async (tx) => {
      if (input.advisor) await this.advisorOf(tx, uuidArg(input.advisor, 'advisor'), region);
      const enrolment = tx.create(Enrolment, {
        id: randomUUID(),
        programmeCode: programme.code,
        autoEntrepreneurId: person.id,
        regionCode: region,
        status: S.APPLIED,
        enrolledAt: now,
        amount: input.amount ?? null,
        gender: person.gender,
        acceptedAt: null,
        startedAt: null,
        endedAt: null,
        repaymentStatus: null,
        repaidAmount: 0,
        advisorId: input.advisor ?? null,
      });
      try {
        await tx.insert(Enrolment, enrolment);
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw badInput(`This auto-entrepreneur is already enrolled in ${programme.name}`, 'autoEntrepreneur');
        throw error;
      }
      await this.record(tx, enrolment, 'ENROLLED', null, { amount: enrolment.amount });
      return enrolment;
    });
  }

  private async advisorOf(tx: EntityManager, id: string, region: string): Promise<Advisor> {
    const advisor = await tx.findOneBy(Advisor, { id });
    if (!advisor) throw badInput(`No advisor has the id "${id}"`, 'advisor');
    if (advisor.regionCode !== region) throw badInput(`The advisor works in ${advisor.regionCode}, not in ${region}`, 'advisor');
    return advisor;
  }

  async move(id: string, to: S, now = new Date()): Promise<Enrolment> {
    return this.onEnrolment(id, async (tx, enrolment, programme) => {
      check(transitionError(enrolment.status, to), 'status');
      const from = enrolment.status;
      enrolment.status = to;
      if (to === S.ACCEPTED) enrolment.acceptedAt = now;
      if (to === S.ACTIVE) {
        enrolment.startedAt = now;
        if (programme.kind === ProgrammeKind.HONOUR_LOAN) enrolment.repaymentStatus = R.NOT_DUE;
      }
      if (to === S.COMPLETED || to === S.DROPPED) enrolment.endedAt = now;
      await tx.save(enrolment);
      await this.record(tx, enrolment, 'MOVED', from);
      return enrolment;
    });
  }

  /** Records a repayment of an honour loan; the loan is REPAID once the whole amount is back. */
  async recordRepayment(id: string, amount: number): Promise<Enrolment> {
    // Checked once the caller may write to this enrolment: a refusal comes first, whatever the amount.
    return this.onEnrolment(id, async (tx, enrolment, programme) => {
      if (!(amount > 0) || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6)
        throw badInput('The repayment must be more than zero, with at most two decimals (MAD)', 'amount');
      if (programme.kind !== ProgrammeKind.HONOUR_LOAN) throw badInput('Only honour loans are repaid here', 'id');
      if (enrolment.status !== S.ACTIVE && enrolment.status !== S.COMPLETED)
        throw badInput(`A loan is repaid once it is ACTIVE; this one is ${enrolment.status}`, 'id');
      const repaid = Math.round((enrolment.repaidAmount + amount) * 100) / 100;
      if (repaid > (enrolment.amount ?? 0)) throw badInput(`That would repay ${repaid} MAD of a loan of ${enrolment.amount} MAD`, 'amount');
      enrolment.repaidAmount = repaid;
      enrolment.repaymentStatus = repaid === enrolment.amount ? R.REPAID : R.REPAYING;
      await tx.save(enrolment);
      await this.record(tx, enrolment, 'REPAYMENT', enrolment.status, { amount, repaid });
      return enrolment;
    });
  }

  private async onEnrolment(id: string, change: (tx: EntityManager, enrolment: Enrolment, programme: Programme) => Promise<Enrolment>): Promise<Enrolment> {
    uuidArg(id, 'id');
    return writeTransaction(this.db, async (tx) => {
      const enrolment = policy.writableEnrolment(this.viewer, await tx.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      const programme = await tx.findOneByOrFail(Programme, { code: enrolment.programmeCode });
      return change(tx, enrolment, programme);
    });
  }
}
