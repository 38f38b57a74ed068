import { versionMigration } from '@moukawil/kit/subgraph';

/** A version of the catalogue, the targets and the assessments, raised by trigger with every write to them (loaders.ts keeps them until it moves). */
export const ReferenceVersion1732270000000 = versionMigration('ReferenceVersion1732270000000', 'indicators_reference_version', [
  'indicator',
  'target',
  'assessment',
]);
