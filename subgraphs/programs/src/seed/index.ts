import type { EntityManager } from 'typeorm';
import { demoPerson, pickWeighted, streamFor } from '@moukawil/kit/domain';
import { insertMany, insertRows, type SeedOptions } from '@moukawil/kit/subgraph';
import { EnrolmentStatus as S, FollowUpKind, ProgrammeKind, ProgrammeScope, RepaymentStatus as R } from '../entities/enums';
import { advisors, events, laterEvents, refresherAttendance, type AdvisorSeed } from './network';
import { PROGRAMMES } from './programmes';

const CHUNK = 20_000;
const DAY = 86_400_000;
const LOANS = new Set([ProgrammeKind.HONOUR_LOAN, ProgrammeKind.FINANCING]);

/** Enrolments of the demo population: about one registered person in twelve, in a programme of their region. */
function enrolmentOf(i: number, advisorsByRegion: Map<string, AdvisorSeed[]>, today: Date): unknown[] | null {
  const person = demoPerson(i, today);
  if (!person.decidedAt || (person.outcome !== 'REGISTERED' && person.outcome !== 'STRUCK_OFF')) return null;
  const random = streamFor(i, 4);
  if (random() > 0.08) return null;
  const open = PROGRAMMES.filter((p) => p.regions.includes(person.region));
  const programme = open[Math.floor(random() * open.length)];
  const from = Math.max(person.decidedAt.getTime(), Date.UTC(programme.startYear, 0, 1));
  const until = Math.min(
    programme.endYear ? Date.UTC(programme.endYear, 11, 31) : Infinity,
    person.struckOffAt?.getTime() ?? Infinity,
    today.getTime() - 30 * DAY,
  );
  if (from > until) return null;
  const enrolledAt = new Date(from + Math.floor(random() * ((until - from) / DAY)) * DAY);
  // An enrolment lasts a year: one that started less than a year ago cannot be over yet.
  const underAYear = today.getTime() - enrolledAt.getTime() < 395 * DAY;
  const drawn = pickWeighted(random, [
    [S.COMPLETED, 35],
    [S.ACTIVE, 30],
    [S.ACCEPTED, 10],
    [S.APPLIED, 10],
    [S.DROPPED, 15],
  ] as const);
  const status = underAYear && (drawn === S.COMPLETED || drawn === S.DROPPED) ? S.ACTIVE : drawn;
  const accepted = status !== S.APPLIED;
  const started = status === S.ACTIVE || status === S.COMPLETED;
  const ended = status === S.COMPLETED || status === S.DROPPED;
  const loan = LOANS.has(programme.kind) && started;
  const amount = loan ? Math.round((10_000 + random() * (Math.min(programme.maxAmount ?? 50_000, 100_000) - 10_000)) / 500) * 500 : null;
  let repayment: R | null = null;
  let repaid = 0;
  if (loan && programme.kind === ProgrammeKind.HONOUR_LOAN) {
    repayment =
      status === S.COMPLETED
        ? R.REPAID
        : pickWeighted(random, [
            [R.REPAYING, 70],
            [R.NOT_DUE, 20],
            [R.DEFAULTED, 10],
          ] as const);
    repaid = repayment === R.REPAID ? amount! : repayment === R.REPAYING || repayment === R.DEFAULTED ? Math.round(amount! * random() * 0.8) : 0;
  }
  const local = advisorsByRegion.get(person.region) ?? [];
  const advisor = accepted && local.length ? local[Math.floor(random() * local.length)].id : null;
  const at = (days: number) => new Date(enrolledAt.getTime() + days * DAY);
  return [
    `e0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    programme.code,
    person.id,
    person.region,
    status,
    enrolledAt,
    amount,
    person.gender,
    accepted ? at(15) : null,
    started ? at(30) : null,
    ended ? at(30 + 365) : null,
    repayment,
    repaid,
    advisor,
  ];
}

/** The programmes of the sources, the advisor network and events (the sources', then every year's to today), and enrolments of the demo population. */
export async function seed(manager: EntityManager, options: SeedOptions): Promise<void> {
  await insertRows(
    manager,
    'programme',
    [
      'code',
      'name',
      'description',
      'kind',
      'sector',
      'operator',
      'region_codes',
      'start_year',
      'end_year',
      'max_amount',
      'source',
      'budget',
      'eligibility',
      'scope',
      'partner_code',
    ],
    PROGRAMMES.map((p) => [
      p.code,
      p.name,
      p.description,
      p.kind,
      p.sector,
      p.operator,
      [...p.regions],
      p.startYear,
      p.endYear,
      p.maxAmount,
      p.source,
      p.budget ?? null,
      p.eligibility ?? '',
      p.scope ?? ProgrammeScope.ALL,
      p.partner ?? null,
    ]),
  );
  const today = new Date();
  const sources = events();
  const network = advisors(sources.filter((e) => e.kind === 'ADVISOR_WORKSHOP'));
  for (const e of sources) if (e.kind === 'ADVISOR_WORKSHOP') e.attendance = network.filter((a) => a.workshopId === e.id).length;
  const later = laterEvents(today);
  const refreshers = later.filter((e) => e.kind === 'ADVISOR_WORKSHOP').map((e) => ({ workshop: e, advisors: refresherAttendance(e, network) }));
  for (const { workshop, advisors: attended } of refreshers) workshop.attendance = attended.length;
  const held = [...sources, ...later];
  await insertMany(
    manager,
    'event',
    [
      ['id', 'uuid'],
      ['kind', 'varchar'],
      ['title', 'text'],
      ['region_code', 'varchar'],
      ['partner_code', 'varchar'],
      ['held_on', 'date'],
      ['attendance', 'int'],
    ],
    held.map((e) => [e.id, e.kind, e.title, e.region, e.partner, e.heldOn, e.attendance]),
  );
  await insertMany(
    manager,
    'advisor',
    [
      ['id', 'uuid'],
      ['full_name', 'text'],
      ['region_code', 'varchar'],
      ['partner_code', 'varchar'],
      ['workshop_id', 'uuid'],
      ['trained_on', 'date'],
    ],
    network.map((a) => [a.id, a.fullName, a.region, a.partner, a.workshopId, a.trainedOn]),
  );
  await insertMany(
    manager,
    'workshop_attendance',
    [
      ['workshop_id', 'uuid'],
      ['advisor_id', 'uuid'],
    ],
    [...network.map((a) => [a.workshopId, a.id]), ...refreshers.flatMap(({ workshop, advisors: attended }) => attended.map((id) => [workshop.id, id]))],
  );
  const byRegion = new Map<string, AdvisorSeed[]>();
  for (const a of network) byRegion.set(a.region, [...(byRegion.get(a.region) ?? []), a]);
  for (let start = 0; start < options.registrations; start += CHUNK) {
    const rows: unknown[][] = [];
    const followUps: unknown[][] = [];
    for (let i = start; i < Math.min(start + CHUNK, options.registrations); i++) {
      const row = enrolmentOf(i, byRegion, today);
      if (row) rows.push(row);
      if (row) followUps.push(...followUpsOf(i, row, today));
    }
    await insertMany(
      manager,
      'enrolment',
      [
        ['id', 'uuid'],
        ['programme_code', 'varchar'],
        ['auto_entrepreneur_id', 'uuid'],
        ['region_code', 'varchar'],
        ['status', 'varchar'],
        ['enrolled_at', 'timestamptz'],
        ['amount', 'numeric'],
        ['gender', 'varchar'],
        ['accepted_at', 'timestamptz'],
        ['started_at', 'timestamptz'],
        ['ended_at', 'timestamptz'],
        ['repayment_status', 'varchar'],
        ['repaid_amount', 'numeric'],
        ['advisor_id', 'uuid'],
      ],
      rows,
    );
    await insertMany(
      manager,
      'follow_up',
      [
        ['id', 'uuid'],
        ['enrolment_id', 'uuid'],
        ['advisor_id', 'uuid'],
        ['region_code', 'varchar'],
        ['on_day', 'date'],
        ['kind', 'varchar'],
        ['notes', 'text'],
        ['actor_subject', 'text'],
        ['actor_role', 'varchar'],
        ['recorded_at', 'timestamptz'],
      ],
      followUps,
    );
  }
}

const NOTES: ReadonlyArray<readonly [FollowUpKind, string]> = [
  [FollowUpKind.VISIT, 'Visite du local : activité lancée, premiers clients.'],
  [FollowUpKind.CALL, 'Appel : rappel de la déclaration trimestrielle du chiffre d’affaires.'],
  [FollowUpKind.MEETING, 'Entretien : plan de trésorerie revu, besoin de formation en comptabilité.'],
  [FollowUpKind.TRAINING, 'Session de formation au numérique suivie ensemble.'],
];

/** Follow-ups of an accepted enrolment by its advisor: none to three contacts, from acceptance to its end or today. */
function followUpsOf(i: number, enrolment: unknown[], today: Date): unknown[][] {
  const [id, , , region, , , , , acceptedAt, , endedAt, , , advisor] = enrolment as [
    string,
    string,
    string,
    string,
    string,
    Date,
    number,
    string,
    Date | null,
    Date,
    Date | null,
    string,
    number,
    string | null,
  ];
  if (!advisor || !acceptedAt) return [];
  const random = streamFor(i, 5);
  const from = acceptedAt.getTime();
  const until = Math.min(endedAt?.getTime() ?? Infinity, today.getTime());
  if (until <= from) return [];
  return Array.from({ length: Math.floor(random() * 4) }, (_, k) => {
    const on = new Date(from + Math.floor(random() * ((until - from) / DAY)) * DAY);
    const [kind, notes] = NOTES[Math.floor(random() * NOTES.length)];
    return [
      `f3000000-0000-4000-8${k}00-${i.toString(16).padStart(12, '0')}`,
      id,
      advisor,
      region,
      on.toISOString().slice(0, 10),
      kind,
      notes,
      'seed',
      null,
      on,
    ];
  });
}

export const TABLES = ['programme', 'enrolment', 'enrolment_event', 'follow_up', 'workshop_attendance', 'advisor', 'event'];
