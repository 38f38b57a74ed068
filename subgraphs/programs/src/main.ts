import 'reflect-metadata';
import { referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit';
import { Enrolment } from './entities/Enrolment';
import { Programme } from './entities/Programme';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { AutoEntrepreneurEnrolmentsResolver, EnrolmentResolver } from './resolvers/EnrolmentResolver';
import { ProgrammeResolver, programmeReference, RegionProgrammesResolver } from './resolvers/ProgrammeResolver';
import { seed, TABLES } from './seed';

/** The programs subgraph: support offers and enrolments. Owns `Programme`; adds `Region.programmes`, `AutoEntrepreneur.enrolments`. */
export const programs: SubgraphDefinition<Context> = {
  name: 'programs',
  entities: [Programme, Enrolment],
  migrations: [Initial1732250000000],
  schema: {
    resolvers: [ProgrammeResolver, RegionProgrammesResolver, EnrolmentResolver, AutoEntrepreneurEnrolmentsResolver],
    references: { Programme: programmeReference, Region: referenceAsIs, AutoEntrepreneur: referenceAsIs },
    federationDirectives: ['@key'],
  },
  context,
  seed,
  tables: TABLES,
};

if (require.main === module) void runSubgraph(programs);
