import type { EntityManager } from 'typeorm';
import { REGIONS } from '@moukawil/kit/domain';
import { insertRows } from '@moukawil/kit/subgraph';
import { CONVENTIONS } from './conventions';
import { ECOSYSTEMS } from './ecosystems';
import { PARTNERS } from './partners';

/** Loads the reference data of the regions subgraph (same rows at every scale). */
export async function seed(manager: EntityManager): Promise<void> {
  await insertRows(
    manager,
    'region',
    ['code', 'name', 'name_ar', 'capital', 'population', 'is_pilot'],
    REGIONS.map((r) => [r.code, r.name, r.nameAr, r.capital, r.population, r.isPilot]),
  );
  await insertRows(
    manager,
    'province',
    ['code', 'name', 'name_ar', 'kind', 'region_code'],
    REGIONS.flatMap((r) => r.provinces.map((p) => [p.code, p.name, p.nameAr, p.kind, p.region])),
  );
  await insertRows(manager, 'ecosystem', ['code', 'region_code', 'sector', 'name', 'description'], ECOSYSTEMS);
  await insertRows(manager, 'partner', ['code', 'name', 'kind', 'region_code'], PARTNERS);
  await insertRows(
    manager,
    'convention',
    ['code', 'title', 'kind', 'status', 'signed_year', 'region_code', 'summary', 'source'],
    CONVENTIONS.map((c) => [c.code, c.title, c.kind, c.status, c.signedYear, c.region, c.summary, c.source]),
  );
  await insertRows(
    manager,
    'convention_party',
    ['convention_code', 'partner_code'],
    CONVENTIONS.flatMap((c) => c.parties.map((p) => [c.code, p])),
  );
  await insertRows(
    manager,
    'convention_commitment',
    ['code', 'convention_code', 'label', 'measure', 'target_value', 'unit', 'scope', 'from_year', 'due_year'],
    CONVENTIONS.flatMap((c) =>
      c.commitments.map(([key, label, measure, target, unit, from, due]) => [
        `${c.code}/${key}`,
        c.code,
        label,
        measure,
        target,
        unit,
        c.region ?? 'MA',
        from,
        due,
      ]),
    ),
  );
}

/** Emptied before a reseed, children first. */
export const TABLES = ['region', 'province', 'ecosystem', 'partner', 'convention', 'convention_party', 'convention_commitment'];
