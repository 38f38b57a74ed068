import type { EntityManager } from 'typeorm';
import { demoPerson, insertRows, pickWeighted, streamFor, type SeedOptions } from '@moukawil/kit';
import { EnrolmentStatus as S, ProgrammeKind } from '../entities/enums';
import { PROGRAMMES } from './programmes';

const CHUNK = 10_000;
const DAY = 86_400_000;
const LOANS = new Set([ProgrammeKind.HONOUR_LOAN, ProgrammeKind.FINANCING]);

/** Enrolments of the demo population: about one registered person in twelve, in a programme of their region. */
function enrolmentOf(i: number): unknown[] | null {
  const person = demoPerson(i);
  if (!person.decidedAt || (person.outcome !== 'REGISTERED' && person.outcome !== 'STRUCK_OFF')) return null;
  const random = streamFor(i, 4);
  if (random() > 0.08) return null;
  const open = PROGRAMMES.filter((p) => p.regions.includes(person.region));
  const programme = open[Math.floor(random() * open.length)];
  const from = Math.max(person.decidedAt.getTime(), Date.UTC(programme.startYear, 0, 1));
  const until = Date.UTC(programme.endYear ?? 2020, 11, 31);
  if (from > until) return null;
  const enrolledAt = new Date(from + Math.floor(random() * ((until - from) / DAY)) * DAY);
  const status = pickWeighted(random, [[S.COMPLETED, 35], [S.ACTIVE, 30], [S.ACCEPTED, 10], [S.APPLIED, 10], [S.DROPPED, 15]] as const);
  const amount = LOANS.has(programme.kind) && status !== S.APPLIED && status !== S.DROPPED
    ? Math.round((10_000 + random() * (Math.min(programme.maxAmount ?? 50_000, 100_000) - 10_000)) / 500) * 500
    : null;
  const id = `e0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return [id, programme.code, person.id, person.region, status, enrolledAt, amount];
}

export async function seed(manager: EntityManager, options: SeedOptions): Promise<void> {
  await insertRows(manager, 'programme',
    ['code', 'name', 'description', 'kind', 'sector', 'operator', 'region_codes', 'start_year', 'end_year', 'max_amount', 'source'],
    PROGRAMMES.map((p) => [p.code, p.name, p.description, p.kind, p.sector, p.operator, [...p.regions], p.startYear, p.endYear, p.maxAmount, p.source]));
  for (let start = 0; start < options.registrations; start += CHUNK) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(start + CHUNK, options.registrations); i++) {
      const row = enrolmentOf(i);
      if (row) rows.push(row);
    }
    await insertRows(manager, 'enrolment', ['id', 'programme_code', 'auto_entrepreneur_id', 'region_code', 'status', 'enrolled_at', 'amount'], rows);
  }
}

export const TABLES = ['programme', 'enrolment'];
