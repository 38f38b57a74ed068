// First, before anything loads http or pg: traces, when an OTLP endpoint is configured.
import { startTracing } from '@moukawil/kit/telemetry';
startTracing('registry');
import 'reflect-metadata';
import { auditTrailResolver, referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit/subgraph';
import { Activity } from './entities/Activity';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import { IndicatorStatus, Province, Scorecard } from './foreign';
import { RegistryEvent } from './entities/RegistryEvent';
import { TurnoverDeclaration } from './entities/TurnoverDeclaration';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { RegisterComplete1732260000000 } from './migrations/1732260000000-RegisterComplete';
import { RollupVersion1732270000000 } from './migrations/1732270000000-RollupVersion';
import { ImportKeyUnindexed1732280000000 } from './migrations/1732280000000-ImportKeyUnindexed';
import { Rectification1733300000000 } from './migrations/1733300000000-Rectification';
import { Retention1733400000000 } from './migrations/1733400000000-Retention';
import { anonymiseCommand, retentionSchedule } from './write/retention';
import { ActivityResolver } from './resolvers/ActivityResolver';
import { HistoryResolver } from './resolvers/HistoryResolver';
import { ImportResolver } from './resolvers/ImportResolver';
import { AutoEntrepreneurResolver, autoEntrepreneurReference } from './resolvers/AutoEntrepreneurResolver';
import {
  IndicatorFiguresResolver,
  NationalStatsResolver,
  RegionStatsResolver,
  RegistrationStatsResolver,
  ScorecardFiguresResolver,
} from './resolvers/StatsResolver';
import { seed, TABLES } from './seed';
import { importCommand } from './write/import-command';
import { LIST_BOUNDS } from './list-sizes';

/** The registry subgraph: the national register (RNAE). Owns `AutoEntrepreneur`; adds statistics to `Region`. */
export const registry: SubgraphDefinition<Context> = {
  name: 'registry',
  entities: [Activity, AutoEntrepreneur, TurnoverDeclaration, RegistryEvent],
  migrations: [
    Initial1732250000000,
    RegisterComplete1732260000000,
    RollupVersion1732270000000,
    ImportKeyUnindexed1732280000000,
    Rectification1733300000000,
    Retention1733400000000,
  ],
  schema: {
    resolvers: [
      auditTrailResolver('auditTrail', 'the register (people read, searched and written)'),
      AutoEntrepreneurResolver,
      ActivityResolver,
      HistoryResolver,
      ImportResolver,
      RegionStatsResolver,
      RegistrationStatsResolver,
      NationalStatsResolver,
      IndicatorFiguresResolver,
      ScorecardFiguresResolver,
    ],
    orphanedTypes: [IndicatorStatus, Scorecard, Province],
    references: {
      AutoEntrepreneur: autoEntrepreneurReference,
      Region: referenceAsIs,
      Province: referenceAsIs,
      IndicatorStatus: referenceAsIs,
      Scorecard: referenceAsIs,
    },
    federationDirectives: ['@key', '@shareable'],
    listBounds: LIST_BOUNDS,
  },
  context,
  seed,
  tables: TABLES,
  background: retentionSchedule,
  commands: { import: importCommand, anonymise: anonymiseCommand },
};

if (require.main === module) void runSubgraph(registry);
