// First, before anything loads http or pg: traces, when an OTLP endpoint is configured.
import { startTracing } from '@moukawil/kit/telemetry';
startTracing('regions');
import 'reflect-metadata';
import { runSubgraph, type SubgraphDefinition } from '@moukawil/kit/subgraph';
import { Commitment, Convention, ConventionParty } from './entities/Convention';
import { Ecosystem } from './entities/Ecosystem';
import { Partner } from './entities/Partner';
import { Province } from './entities/Province';
import { Region } from './entities/Region';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { ReferenceVersion1732260000000 } from './migrations/1732260000000-ReferenceVersion';
import { CommitmentTargets1733300000000 } from './migrations/1733300000000-CommitmentTargets';
import { ApiKeys1733500000000 } from './migrations/1733500000000-ApiKeys';
import { ProvinceNamesAr1733600000000 } from './migrations/1733600000000-ProvinceNamesAr';
import { ApiKeyResolver } from './resolvers/ApiKeyResolver';
import { ApiKey } from './entities/ApiKey';
import { CommitmentResolver } from './resolvers/CommitmentResolver';
import { PartnerResolver } from './resolvers/PartnerResolver';
import { Target } from './foreign';
import { ConventionResolver } from './resolvers/ConventionResolver';
import { partnerReference, provinceReference, RegionResolver, regionReference } from './resolvers/RegionResolver';
import { seed, TABLES } from './seed';
import { LIST_BOUNDS } from './list-sizes';

/** The regions subgraph: regions, provinces, ecosystems, partners and conventions. Owns `Region`. */
export const regions: SubgraphDefinition<Context> = {
  name: 'regions',
  entities: [Region, Province, Ecosystem, Partner, Convention, ConventionParty, Commitment, ApiKey],
  migrations: [Initial1732250000000, ReferenceVersion1732260000000, CommitmentTargets1733300000000, ApiKeys1733500000000, ProvinceNamesAr1733600000000],
  schema: {
    resolvers: [RegionResolver, ConventionResolver, PartnerResolver, CommitmentResolver, ApiKeyResolver],
    orphanedTypes: [Target],
    references: { Region: regionReference, Province: provinceReference, Partner: partnerReference },
    federationDirectives: ['@key', '@shareable', '@inaccessible'],
    listBounds: LIST_BOUNDS,
  },
  context,
  seed,
  tables: TABLES,
};

if (require.main === module) void runSubgraph(regions);
