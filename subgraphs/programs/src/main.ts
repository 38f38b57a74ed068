// First, before anything loads http or pg: traces, when an OTLP endpoint is configured.
import { startTracing } from '@moukawil/kit/telemetry';
startTracing('programs');
import 'reflect-metadata';
import { auditTrailResolver, referenceAsIs, runSubgraph, type SubgraphDefinition } from '@moukawil/kit/subgraph';
import { Advisor } from './entities/Advisor';
import { Enrolment } from './entities/Enrolment';
import { Event } from './entities/Event';
import { FollowUp } from './entities/FollowUp';
import { IndicatorStatus, Scorecard } from './foreign';
import { Programme } from './entities/Programme';
import { context, type Context } from './loaders';
import { Initial1732250000000 } from './migrations/1732250000000-Initial';
import { ProgramsComplete1732260000000 } from './migrations/1732260000000-ProgramsComplete';
import { EnrolmentHistory1732270000000 } from './migrations/1732270000000-EnrolmentHistory';
import { FiguresVersion1732280000000 } from './migrations/1732280000000-FiguresVersion';
import { EnrolmentPages1732290000000 } from './migrations/1732290000000-EnrolmentPages';
import { NetworkPages1732300000000 } from './migrations/1732300000000-NetworkPages';
import { FiguresVersionRaised1732310000000 } from './migrations/1732310000000-FiguresVersionRaised';
import { Operations1733300000000 } from './migrations/1733300000000-Operations';
import { AutoEntrepreneurEnrolmentsResolver, EnrolmentResolver } from './resolvers/EnrolmentResolver';
import { IndicatorFiguresResolver, ScorecardFiguresResolver } from './resolvers/IndicatorFiguresResolver';
import { AdvisorResolver } from './resolvers/AdvisorResolver';
import { EventResolver } from './resolvers/EventResolver';
import { ProgrammeResolver, programmeReference } from './resolvers/ProgrammeResolver';
import { RegionProgrammesResolver } from './resolvers/RegionProgrammesResolver';
import { seed, TABLES } from './seed';
import { LIST_BOUNDS } from './list-sizes';

/**
 * The programs subgraph: support offers, enrolments, the advisor network and events. Owns
 * `Programme`; adds `Region.programmes`, `.programmeStats`, `.advisors`, `.events` and `AutoEntrepreneur.enrolments`.
 */
export const programs: SubgraphDefinition<Context> = {
  name: 'programs',
  entities: [Programme, Enrolment, Advisor, Event, FollowUp],
  migrations: [
    Initial1732250000000,
    ProgramsComplete1732260000000,
    EnrolmentHistory1732270000000,
    FiguresVersion1732280000000,
    EnrolmentPages1732290000000,
    NetworkPages1732300000000,
    FiguresVersionRaised1732310000000,
    Operations1733300000000,
  ],
  schema: {
    resolvers: [
      auditTrailResolver('programsAuditTrail', 'the programs subgraph (enrolments, beneficiaries, follow-ups and operational records)'),
      ProgrammeResolver,
      RegionProgrammesResolver,
      EnrolmentResolver,
      AutoEntrepreneurEnrolmentsResolver,
      AdvisorResolver,
      EventResolver,
      IndicatorFiguresResolver,
      ScorecardFiguresResolver,
    ],
    orphanedTypes: [IndicatorStatus, Scorecard],
    references: {
      Programme: programmeReference,
      Region: referenceAsIs,
      AutoEntrepreneur: referenceAsIs,
      Partner: referenceAsIs,
      IndicatorStatus: referenceAsIs,
      Scorecard: referenceAsIs,
    },
    federationDirectives: ['@key', '@shareable'],
    listBounds: LIST_BOUNDS,
  },
  context,
  seed,
  tables: TABLES,
};

if (require.main === module) void runSubgraph(programs);
