import 'reflect-metadata';
import { referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit';
import { Indicator } from './entities/Indicator';
import { RegistryFigures } from './entities/IndicatorStatus';
import { Target } from './entities/Target';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { IndicatorResolver, indicatorReference } from './resolvers/IndicatorResolver';
import { IndicatorStatusResolver, RegionScorecardResolver } from './resolvers/ScorecardResolver';
import { statusFromKey } from './scorecard';
import { seed, TABLES } from './seed';

/** The indicators subgraph: KPI catalogue, targets and live scorecards. Owns `Indicator` and `IndicatorStatus`. */
export const indicators: SubgraphDefinition<Context> = {
  name: 'indicators',
  entities: [Indicator, Target],
  migrations: [Initial1732250000000],
  schema: {
    resolvers: [IndicatorResolver, IndicatorStatusResolver, RegionScorecardResolver],
    orphanedTypes: [RegistryFigures],
    references: {
      Indicator: indicatorReference,
      IndicatorStatus: statusFromKey,
      Region: referenceAsIs,
    },
    federationDirectives: ['@key', '@external', '@requires', '@shareable'],
  },
  context,
  seed,
  tables: TABLES,
};

if (require.main === module) void runSubgraph(indicators);
