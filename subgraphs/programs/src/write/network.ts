import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { codeArg, countArg, dayArg, optionalTextArg, recordChange, textArg, today, uuidArg, writeTransaction } from '@moukawil/kit/subgraph';
import { Advisor } from '../entities/Advisor';
import { Enrolment } from '../entities/Enrolment';
import { EventKind } from '../entities/enums';
import { Event } from '../entities/Event';
import { FollowUp } from '../entities/FollowUp';
import type { AdvisorInput, EventCorrection, EventInput, FollowUpInput, WorkshopInput } from '../entities/inputs';
import { policy } from '../policy';

/** Events and workshops are recorded from the day the register's support began. */
const FIRST_DAY = '2015-01-01';
const optionalCode = (value: string | null | undefined, field: string) => (value ? codeArg(value, field) : null);
/** The fields of an event its history keeps. */
const eventValues = (e: Event) => ({
  title: e.title,
  heldOn: e.heldOn,
  place: e.place,
  partner: e.partnerCode,
  women: e.women,
  men: e.men,
  attendance: e.attendance,
});

/**
 * The write side of the advisor network and its events: each operation is one transaction, its
 * access decided before any argument is looked at, every change kept in the change history
 * (nothing is deleted: an advisor is deactivated, an event cancelled).
 */
export class Network {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async registerAdvisor(input: AdvisorInput): Promise<Advisor> {
    policy.assertMayManage(this.viewer);
    const region = regionArg(input.region);
    policy.assertManages(this.viewer, region);
    const advisor = Object.assign(new Advisor(), {
      id: randomUUID(),
      fullName: textArg(input.fullName, 'fullName', 2, 120),
      regionCode: region,
      partnerCode: optionalCode(input.partner, 'partner'),
      workshopId: null,
      trainedOn: null,
      active: true,
      deactivatedAt: null,
      deactivationReason: null,
    });
    return writeTransaction(this.db, async (tx) => {
      await tx.insert(Advisor, advisor);
      await recordChange(tx, this.viewer, { entity: 'Advisor', id: advisor.id, action: 'ADVISOR_REGISTERED', after: { region, partner: advisor.partnerCode } });
      return advisor;
    });
  }

  async deactivateAdvisor(id: string, reason: string): Promise<Advisor> {
    policy.assertMayManage(this.viewer);
    uuidArg(id);
    return writeTransaction(this.db, async (tx) => {
      const advisor = policy.managed(this.viewer, await tx.findOne(Advisor, { where: { id }, lock: { mode: 'pessimistic_write' } }), id, 'advisor');
      const why = textArg(reason, 'reason', 3, 500);
      if (!advisor.active) throw badInput('This advisor has already left the network', 'id');
      Object.assign(advisor, { active: false, deactivatedAt: new Date(), deactivationReason: why });
      await tx.save(advisor);
      await recordChange(tx, this.viewer, { entity: 'Advisor', id, action: 'ADVISOR_DEACTIVATED', reason: why });
      return advisor;
    });
  }

  /** A workshop is an event of kind ADVISOR_WORKSHOP; each advisor it trained is counted trained on its day, if not trained before. */
  async recordWorkshop(input: WorkshopInput): Promise<Event> {
    policy.assertMayManage(this.viewer);
    const region = regionArg(input.region);
    policy.assertManages(this.viewer, region);
    const place = textArg(input.place, 'place', 2, 120);
    const ids = [...new Set(input.advisors.map((a) => uuidArg(a, 'advisors')))];
    if (ids.length === 0 || ids.length > 200) throw badInput('A workshop trains 1 to 200 advisors', 'advisors');
    const event = Object.assign(new Event(), {
      id: randomUUID(),
      kind: EventKind.ADVISOR_WORKSHOP,
      title: optionalTextArg(input.title, 'title', 3, 200) ?? `Atelier de formation des conseillers — ${place}`,
      regionCode: region,
      partnerCode: optionalCode(input.partner, 'partner'),
      heldOn: dayArg(input.heldOn, 'heldOn', FIRST_DAY, today()),
      attendance: ids.length,
      place,
      trainer: textArg(input.trainer, 'trainer', 2, 120),
      women: null,
      men: null,
      cancelledAt: null,
      cancelReason: null,
    });
    return writeTransaction(this.db, async (tx) => {
      const advisors = await tx.find(Advisor, { where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
      const strangers = ids.filter((id) => !advisors.some((a) => a.id === id && a.regionCode === region && a.active));
      if (strangers.length) throw badInput(`Not active advisors of ${region}: ${strangers.slice(0, 5).join(', ')}`, 'advisors');
      await tx.insert(Event, event);
      await tx.query(`INSERT INTO workshop_attendance (workshop_id, advisor_id) SELECT $1, unnest($2::uuid[])`, [event.id, ids]);
      // Trained on the first workshop attended: a later one does not count them again.
      await tx.query(`UPDATE advisor SET workshop_id = $1, trained_on = $2 WHERE id = ANY($3::uuid[]) AND (trained_on IS NULL OR trained_on > $2)`, [
        event.id,
        event.heldOn,
        ids,
      ]);
      await recordChange(tx, this.viewer, {
        entity: 'Event',
        id: event.id,
        action: 'WORKSHOP_RECORDED',
        after: { ...eventValues(event), trainer: event.trainer, advisors: ids },
      });
      return event;
    });
  }

  async recordEvent(input: EventInput): Promise<Event> {
    policy.assertMayManage(this.viewer);
    const region = regionArg(input.region);
    policy.assertManages(this.viewer, region);
    if (input.kind === EventKind.ADVISOR_WORKSHOP) throw badInput('A training workshop is recorded with recordWorkshop, with the advisors it trained', 'kind');
    const women = countArg(input.women, 'women');
    const men = countArg(input.men, 'men');
    const event = Object.assign(new Event(), {
      id: randomUUID(),
      kind: input.kind,
      title: textArg(input.title, 'title', 3, 200),
      regionCode: region,
      partnerCode: optionalCode(input.partner, 'partner'),
      heldOn: dayArg(input.heldOn, 'heldOn', FIRST_DAY, today()),
      attendance: women + men,
      place: textArg(input.place, 'place', 2, 120),
      trainer: null,
      women,
      men,
      cancelledAt: null,
      cancelReason: null,
    });
    return writeTransaction(this.db, async (tx) => {
      await tx.insert(Event, event);
      await recordChange(tx, this.viewer, { entity: 'Event', id: event.id, action: 'EVENT_RECORDED', after: { kind: event.kind, ...eventValues(event) } });
      return event;
    });
  }

  async correctEvent(id: string, correction: EventCorrection, reason: string): Promise<Event> {
    policy.assertMayManage(this.viewer);
    uuidArg(id);
    return this.onEvent(id, async (tx, event) => {
      const why = textArg(reason, 'reason', 3, 500);
      const before = eventValues(event);
      if (correction.title != null) event.title = textArg(correction.title, 'title', 3, 200);
      if (correction.heldOn != null) event.heldOn = dayArg(correction.heldOn, 'heldOn', FIRST_DAY, today());
      if (correction.place != null) event.place = textArg(correction.place, 'place', 2, 120);
      if (correction.partner != null) event.partnerCode = codeArg(correction.partner, 'partner');
      if (correction.women != null) event.women = countArg(correction.women, 'women');
      if (correction.men != null) event.men = countArg(correction.men, 'men');
      if (event.women !== null && event.men !== null && event.kind !== EventKind.ADVISOR_WORKSHOP) event.attendance = event.women + event.men;
      if (JSON.stringify(eventValues(event)) === JSON.stringify(before)) throw badInput('The correction changes nothing', 'correction');
      await tx.save(event);
      await recordChange(tx, this.viewer, { entity: 'Event', id, action: 'EVENT_CORRECTED', reason: why, before, after: eventValues(event) });
      return event;
    });
  }

  async cancelEvent(id: string, reason: string): Promise<Event> {
    policy.assertMayManage(this.viewer);
    uuidArg(id);
    return this.onEvent(id, async (tx, event) => {
      const why = textArg(reason, 'reason', 3, 500);
      if (event.cancelledAt) throw badInput('This event is already cancelled', 'id');
      Object.assign(event, { cancelledAt: new Date(), cancelReason: why });
      await tx.save(event);
      await recordChange(tx, this.viewer, { entity: 'Event', id, action: 'EVENT_CANCELLED', reason: why });
      return event;
    });
  }

  /** A follow-up contact on an enrolment the caller may write to (advisors of its region, the national office). */
  async recordFollowUp(enrolmentId: string, input: FollowUpInput): Promise<FollowUp> {
    policy.assertMayFollowUp(this.viewer);
    uuidArg(enrolmentId, 'enrolment');
    return writeTransaction(this.db, async (tx) => {
      const enrolment = policy.writableEnrolment(this.viewer, await tx.findOneBy(Enrolment, { id: enrolmentId }), enrolmentId);
      const followUp = Object.assign(new FollowUp(), {
        id: randomUUID(),
        enrolmentId,
        advisorId: this.viewer.advisor ?? null,
        regionCode: enrolment.regionCode,
        on: dayArg(input.on, 'on', enrolment.enrolledAt.toISOString().slice(0, 10), today()),
        kind: input.kind,
        notes: textArg(input.notes, 'notes', 3, 2_000),
        actorSubject: this.viewer.subject ?? 'anonymous',
        actorRole: this.viewer.role,
        recordedAt: new Date(),
      });
      if (followUp.advisorId && !(await tx.findOneBy(Advisor, { id: followUp.advisorId, regionCode: enrolment.regionCode, active: true })))
        throw badInput(`The advisor named by your token is not an active advisor of ${enrolment.regionCode}`, 'enrolment');
      await tx.insert(FollowUp, followUp);
      await recordChange(tx, this.viewer, {
        entity: 'Enrolment',
        id: enrolmentId,
        action: 'FOLLOW_UP_RECORDED',
        after: { on: followUp.on, kind: followUp.kind },
      });
      return followUp;
    });
  }

  private onEvent(id: string, change: (tx: EntityManager, event: Event) => Promise<Event>): Promise<Event> {
    return writeTransaction(this.db, async (tx) =>
      change(tx, policy.managed(this.viewer, await tx.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } }), id, 'event')),
    );
  }
}
