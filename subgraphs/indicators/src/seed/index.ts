import type { EntityManager } from 'typeorm';
import { insertRows } from '@moukawil/kit/subgraph';
import { ASSESSMENTS, HIGHER, INDICATORS, SOURCES, TARGETS } from './catalogue';
import { INDICATOR_NAMES_AR } from './names-ar';
import { regionalTargets } from './regional-targets';

/** The indicator catalogue, the targets of the sources and the regions' demo targets (same at every scale). */
export async function seed(manager: EntityManager): Promise<void> {
  await insertRows(
    manager,
    'indicator',
    ['code', 'name_fr', 'name_en', 'description', 'kind', 'unit', 'aggregation', 'actual_source', 'direction', 'source', 'name_ar'],
    INDICATORS.map((row) => [...row, HIGHER, SOURCES[row[0]], INDICATOR_NAMES_AR[row[0]] ?? null]),
  );
  await insertRows(
    manager,
    'target',
    ['indicator_code', 'region_code', 'from_year', 'to_year', 'value', 'source'],
    [...TARGETS, ...regionalTargets(new Date().getUTCFullYear())],
  );
  await manager.query(`INSERT INTO target_revision (target_id, previous_value, value, reason, actor_subject, at)
    SELECT id, NULL, value, 'Set: ' || source, 'seed', set_at FROM target`);
  await insertRows(manager, 'assessment', ['indicator_code', 'region_code', 'year', 'rating', 'comment', 'author_subject', 'author_role', 'at'], ASSESSMENTS);
}

export const TABLES = ['indicator', 'target', 'target_revision', 'assessment', 'indicator_snapshot'];
