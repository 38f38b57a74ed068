import type { EntityManager } from 'typeorm';
import { log } from '@moukawil/kit/core';
import { streamFor } from '@moukawil/kit/domain';
import { insertMany, type SeedOptions } from '@moukawil/kit/subgraph';
import { REBUILD_ROLLUP_AND_VERSION } from '../write/rollup';
import { registrationNumber } from '../rules/lifecycle';
import { CEILINGS, taxOn, taxRate } from '../rules/tax';
import { ACTIVITIES, EXCLUDED } from './activities';
import { seedPerson, type SeedPerson } from './people';

const CHUNK = 20_000;
const SEED_ACTOR = 'seed';

const PEOPLE: Array<[string, string]> = [
  ['id', 'uuid'],
  ['registration_number', 'varchar'],
  ['status', 'varchar'],
  ['full_name', 'text'],
  ['national_id', 'varchar'],
  ['gender', 'varchar'],
  ['birth_date', 'date'],
  ['phone', 'varchar'],
  ['segment', 'varchar'],
  ['region_code', 'varchar'],
  ['province_code', 'varchar'],
  ['activity_code', 'varchar'],
  ['activity_category', 'varchar'],
  ['submitted_at', 'timestamptz'],
  ['registered_at', 'timestamptz'],
  ['rejected_at', 'timestamptz'],
  ['rejection_reason', 'text'],
  ['struck_off_at', 'timestamptz'],
  ['struck_off_reason', 'varchar'],
];
const DECLARATIONS: Array<[string, string]> = [
  ['auto_entrepreneur_id', 'uuid'],
  ['region_code', 'varchar'],
  ['year', 'int'],
  ['quarter', 'int'],
  ['amount', 'numeric'],
  ['tax', 'numeric'],
  ['declared_at', 'timestamptz'],
];
const EVENTS: Array<[string, string]> = [
  ['auto_entrepreneur_id', 'uuid'],
  ['kind', 'varchar'],
  ['from_status', 'varchar'],
  ['to_status', 'varchar'],
  ['reason', 'text'],
  ['actor_subject', 'text'],
  ['at', 'timestamptz'],
];

/**
 * Quarterly declarations from the quarter of registration to the last quarter declared by today
 * (due by the 20th of the month after it); 30 % of quarters left undeclared. A person struck off
 * for a whole calendar year without turnover declares nothing from the year before the strike-off,
 * and a dormant one nothing after its first year or two.
 */
function quartersOf(person: SeedPerson, today: Date): unknown[][] {
  if (!person.decidedAt || (person.outcome !== 'REGISTERED' && person.outcome !== 'STRUCK_OFF')) return [];
  const random = streamFor(person.index, 3);
  const rows: unknown[][] = [];
  const from = Date.UTC(person.decidedAt.getUTCFullYear(), Math.floor(person.decidedAt.getUTCMonth() / 3) * 3, 1);
  // Many auto-entrepreneurs stop declaring a year or two after registering and wait, dormant, to
  // be struck off: 40 % of the registered here (the statistics count 389,565 active of 507,681 registered by 2024).
  const dormantAfter = random() < 0.4 ? person.decidedAt.getUTCFullYear() + Math.floor(random() * 2) : Infinity;
  const lastYear = Math.min(person.struckOffAt ? person.struckOffAt.getUTCFullYear() - 2 : today.getUTCFullYear(), dormantAfter);
  for (let year = person.decidedAt.getUTCFullYear(); year <= lastYear; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const declaredAt = new Date(Date.UTC(year, quarter * 3, 20));
      if (Date.UTC(year, (quarter - 1) * 3, 1) < from || declaredAt > today) continue;
      if (random() < 0.3) continue;
      const amount = Math.round((person.yearlyTurnover / 4) * (0.5 + random()) * 100) / 100;
      rows.push([person.id, person.region, year, quarter, amount, taxOn(amount, person.category, year), declaredAt]);
    }
  }
  return rows;
}

function eventsOf(p: SeedPerson): unknown[][] {
  const rows: unknown[][] = [[p.id, 'SUBMITTED', null, 'SUBMITTED', null, SEED_ACTOR, p.submittedAt]];
  if (p.outcome === 'REJECTED') rows.push([p.id, 'REJECTED', 'SUBMITTED', 'REJECTED', 'Activité exclue du statut', SEED_ACTOR, p.decidedAt]);
  if (p.outcome === 'REGISTERED' || p.outcome === 'STRUCK_OFF') rows.push([p.id, 'REGISTERED', 'SUBMITTED', 'REGISTERED', null, SEED_ACTOR, p.decidedAt]);
  if (p.outcome === 'STRUCK_OFF') rows.push([p.id, 'STRUCK_OFF', 'REGISTERED', 'STRUCK_OFF', 'NO_TURNOVER_FOR_A_YEAR', SEED_ACTOR, p.struckOffAt]);
  return rows;
}

/** The activity nomenclature and the demo population at the requested scale, with history and rollup. */
export async function seed(manager: EntityManager, options: SeedOptions): Promise<void> {
  await insertMany(
    manager,
    'activity',
    [
      ['code', 'varchar'],
      ['category', 'varchar'],
      ['label', 'text'],
      ['turnover_ceiling', 'numeric'],
      ['tax_rate', 'numeric'],
      ['eligible', 'boolean'],
      ['exclusion_note', 'text'],
    ],
    [
      ...ACTIVITIES.map(([code, category, label]) => [code, category, label, CEILINGS[category], taxRate(category, 2019), true, null]),
      ...EXCLUDED.map(([code, category, label]) => [
        code,
        category,
        label,
        CEILINGS[category],
        taxRate(category, 2019),
        false,
        'Profession excluded by decree 2-15-263',
      ]),
    ],
  );
  let sequence = 0;
  const started = Date.now();
  const today = new Date();
  for (let start = 0; start < options.registrations; start += CHUNK) {
    const people: unknown[][] = [];
    const declarations: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = start; i < Math.min(start + CHUNK, options.registrations); i++) {
      const p = seedPerson(i, today);
      const registered = p.outcome === 'REGISTERED' || p.outcome === 'STRUCK_OFF';
      const number = registered ? registrationNumber(p.decidedAt!.getUTCFullYear(), p.region, ++sequence) : null;
      people.push([
        p.id,
        number,
        p.outcome,
        p.fullName,
        p.nationalId,
        p.gender,
        p.birthDate,
        p.phone,
        p.segment,
        p.region,
        p.province,
        p.activityCode,
        p.category,
        p.submittedAt,
        registered ? p.decidedAt : null,
        p.outcome === 'REJECTED' ? p.decidedAt : null,
        p.outcome === 'REJECTED' ? 'Activité exclue du statut' : null,
        p.struckOffAt,
        p.struckOffAt ? 'NO_TURNOVER_FOR_A_YEAR' : null,
      ]);
      declarations.push(...quartersOf(p, today));
      events.push(...eventsOf(p));
    }
    await insertMany(manager, 'auto_entrepreneur', PEOPLE, people);
    await insertMany(manager, 'turnover_declaration', DECLARATIONS, declarations);
    await insertMany(manager, 'registry_event', EVENTS, events);
    if (options.registrations >= 100_000) log.info({ people: start + people.length, seconds: (Date.now() - started) / 1000 }, 'seeding the register');
  }
  await manager.query(REBUILD_ROLLUP_AND_VERSION);
  await manager.query(`SELECT setval('rnae_number_seq', $1, $2)`, [Math.max(sequence, 1), sequence > 0]);
}

/** Emptied before a reseed; the first tells whether data is there. */
export const TABLES = ['activity', 'auto_entrepreneur', 'turnover_declaration', 'registry_event', 'registry_rollup'];
