import { versionMigration } from '@moukawil/kit/subgraph';
import { TABLES } from '../seed';

/** A version of the territory and its partners and conventions, raised by trigger with every write to them (loaders.ts keeps them until it moves). */
export const ReferenceVersion1732260000000 = versionMigration('ReferenceVersion1732260000000', 'regions_reference_version', TABLES);
