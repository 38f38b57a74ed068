import { join } from 'node:path';
import type { SubgraphName } from '@moukawil/kit';

/** The repository root: scripts/dist/.. /.. */
export const ROOT = join(__dirname, '..', '..');

export const subgraphEntry = (name: SubgraphName) => join(ROOT, 'subgraphs', name, 'dist', 'main.js');
export const GATEWAY_ENTRY = join(ROOT, 'gateway', 'dist', 'main.js');
export const DEFAULT_DATA_DIR = join(ROOT, '.data');
