import 'reflect-metadata';
import { referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit';
import { Activity } from './entities/Activity';
import { AutoEntrepreneur } from './entities/AutoEntrepreneur';
import { IndicatorStatus } from './entities/RegistrationStats';
import { TurnoverDeclaration } from './entities/TurnoverDeclaration';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { ActivityResolver } from './resolvers/ActivityResolver';
import { AutoEntrepreneurResolver, autoEntrepreneurReference } from './resolvers/AutoEntrepreneurResolver';
import { IndicatorFiguresResolver, NationalStatsResolver, RegionStatsResolver } from './resolvers/StatsResolver';
import { seed, TABLES } from './seed';

/** The registry subgraph: the national register (RNAE). Owns `AutoEntrepreneur`; adds statistics to `Region`. */
export const registry: SubgraphDefinition<Context> = {
  name: 'registry',
  entities: [Activity, AutoEntrepreneur, TurnoverDeclaration],
  migrations: [Initial1732250000000],
  schema: {
    resolvers: [AutoEntrepreneurResolver, ActivityResolver, RegionStatsResolver, NationalStatsResolver, IndicatorFiguresResolver],
    orphanedTypes: [IndicatorStatus],
    references: { AutoEntrepreneur: autoEntrepreneurReference, Region: referenceAsIs, IndicatorStatus: referenceAsIs },
    federationDirectives: ['@key', '@shareable'],
  },
  context,
  seed,
  tables: TABLES,
};

if (require.main === module) void runSubgraph(registry);
