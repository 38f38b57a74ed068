import type { EntityManager } from 'typeorm';
import { insertRows, streamFor, type SeedOptions } from '@moukawil/kit';
import { registrationNumber } from '../rules/lifecycle';
import { CEILINGS, taxOn, taxRate } from '../rules/tax';
import { ACTIVITIES } from './activities';
import { seedPerson, type SeedPerson } from './people';

const LAST_DECLARED_YEAR = 2020;
const CHUNK = 5_000;

function quartersOf(person: SeedPerson): unknown[][] {
  if (!person.decidedAt || (person.outcome !== 'REGISTERED' && person.outcome !== 'STRUCK_OFF')) return [];
  const random = streamFor(person.index, 3);
  const rows: unknown[][] = [];
  const from = person.decidedAt;
  const until = person.struckOffAt ?? new Date(Date.UTC(LAST_DECLARED_YEAR, 11, 31));
  for (let year = from.getUTCFullYear(); year <= until.getUTCFullYear(); year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const start = Date.UTC(year, (quarter - 1) * 3, 1);
      if (start < Date.UTC(from.getUTCFullYear(), Math.floor(from.getUTCMonth() / 3) * 3, 1) || start > until.getTime()) continue;
      if (random() < 0.3) continue; // a quarter with nothing declared
      const amount = Math.round((person.yearlyTurnover / 4) * (0.5 + random()) * 100) / 100;
      rows.push([person.id, person.region, year, quarter, amount, taxOn(amount, person.category, year)]);
    }
  }
  return rows;
}

/** The activity nomenclature and the demo population at the requested scale. */
export async function seed(manager: EntityManager, options: SeedOptions): Promise<void> {
  await insertRows(manager, 'activity', ['code', 'category', 'label', 'turnover_ceiling', 'tax_rate'],
    ACTIVITIES.map(([code, category, label]) => [code, category, label, CEILINGS[category], taxRate(category, 2019)]));
  let sequence = 0;
  for (let start = 0; start < options.registrations; start += CHUNK) {
    const people: unknown[][] = [];
    const declarations: unknown[][] = [];
    for (let i = start; i < Math.min(start + CHUNK, options.registrations); i++) {
      const p = seedPerson(i);
      const registered = p.outcome === 'REGISTERED' || p.outcome === 'STRUCK_OFF';
      const number = registered ? registrationNumber(p.decidedAt!.getUTCFullYear(), p.region, ++sequence) : null;
      people.push([
        p.id, number, p.outcome, p.fullName, p.nationalId, p.gender, p.birthDate, p.phone, p.segment, p.region,
        p.activityCode, p.submittedAt, registered ? p.decidedAt : null,
        p.outcome === 'REJECTED' ? p.decidedAt : null, p.outcome === 'REJECTED' ? 'Activité exclue du statut' : null, p.struckOffAt,
      ]);
      declarations.push(...quartersOf(p));
    }
    await insertRows(manager, 'auto_entrepreneur', [
      'id', 'registration_number', 'status', 'full_name', 'national_id', 'gender', 'birth_date', 'phone', 'segment', 'region_code',
      'activity_code', 'submitted_at', 'registered_at', 'rejected_at', 'rejection_reason', 'struck_off_at',
    ], people);
    await insertRows(manager, 'turnover_declaration', ['auto_entrepreneur_id', 'region_code', 'year', 'quarter', 'amount', 'tax'], declarations);
  }
  await manager.query(`SELECT setval('rnae_number_seq', $1, $2)`, [Math.max(sequence, 1), sequence > 0]);
}

/** Emptied before a reseed; the first tells whether data is there. */
export const TABLES = ['activity', 'auto_entrepreneur', 'turnover_declaration'];
