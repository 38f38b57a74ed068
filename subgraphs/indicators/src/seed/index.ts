import type { EntityManager } from 'typeorm';
import { insertRows } from '@moukawil/kit';
import { HIGHER, INDICATORS, TARGETS } from './catalogue';

/** The indicator catalogue and the targets of the sources (same at every scale). */
export async function seed(manager: EntityManager): Promise<void> {
  await insertRows(manager, 'indicator', ['code', 'name_fr', 'name_en', 'description', 'kind', 'unit', 'aggregation', 'actual_source', 'direction'],
    INDICATORS.map((row) => [...row, HIGHER]));
  await insertRows(manager, 'target', ['indicator_code', 'region_code', 'from_year', 'to_year', 'value', 'source'], TARGETS);
}

export const TABLES = ['indicator', 'target'];
