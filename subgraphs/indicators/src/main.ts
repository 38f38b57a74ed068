// First, before anything loads http or pg: traces, when an OTLP endpoint is configured.
import { startTracing } from '@moukawil/kit/telemetry';
startTracing('indicators');
import 'reflect-metadata';
import { referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit/subgraph';
import { Indicator } from './entities/Indicator';
import { ProgrammeFigures, RegistryFigures } from './entities/IndicatorStatus';
import { Assessment } from './entities/Assessment';
import { Snapshot } from './entities/Snapshot';
import { TargetRevision } from './entities/TargetRevision';
import { Target } from './entities/Target';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { MonitoringComplete1732260000000 } from './migrations/1732260000000-MonitoringComplete';
import { ReferenceVersion1732270000000 } from './migrations/1732270000000-ReferenceVersion';
import { IndicatorResolver, indicatorReference } from './resolvers/IndicatorResolver';
import { IndicatorStatusResolver, RegionScorecardResolver, ScorecardResolver, ScorecardStatusResolver } from './resolvers/ScorecardResolver';
import { AssessmentResolver, TargetResolver, targetReference } from './resolvers/TargetResolver';
import { DeclaredSources1733300000000 } from './migrations/1733300000000-DeclaredSources';
import { IndicatorNamesAr1733600000000 } from './migrations/1733600000000-IndicatorNamesAr';
import { scorecardReference, statusFromKey } from './read/scorecards';
import { seed, TABLES } from './seed';
import { snapshotCommand, snapshotSchedule } from './write/snapshots';
import { LIST_BOUNDS } from './list-sizes';

/** The indicators subgraph: KPI catalogue, targets and live scorecards. Owns `Indicator` and `IndicatorStatus`. */
export const indicators: SubgraphDefinition<Context> = {
  name: 'indicators',
  entities: [Indicator, Target, TargetRevision, Assessment, Snapshot],
  migrations: [
    Initial1732250000000,
    MonitoringComplete1732260000000,
    ReferenceVersion1732270000000,
    DeclaredSources1733300000000,
    IndicatorNamesAr1733600000000,
  ],
  schema: {
    resolvers: [
      IndicatorResolver,
      ScorecardResolver,
      ScorecardStatusResolver,
      IndicatorStatusResolver,
      RegionScorecardResolver,
      TargetResolver,
      AssessmentResolver,
    ],
    orphanedTypes: [RegistryFigures, ProgrammeFigures],
    references: {
      Indicator: indicatorReference,
      IndicatorStatus: statusFromKey,
      Scorecard: scorecardReference,
      Target: targetReference,
      Region: referenceAsIs,
    },
    federationDirectives: ['@key', '@external', '@requires', '@shareable'],
    listBounds: LIST_BOUNDS,
  },
  context,
  seed,
  tables: TABLES,
  background: snapshotSchedule,
  commands: { snapshot: snapshotCommand },
};

if (require.main === module) void runSubgraph(indicators);
