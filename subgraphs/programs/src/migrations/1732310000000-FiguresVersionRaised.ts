import { versionMigration } from '@moukawil/kit/subgraph';

/** The figures' version raised by trigger with every write to what they are computed from, instead of by each writer. */
export const FiguresVersionRaised1732310000000 = versionMigration(
  'FiguresVersionRaised1732310000000',
  'programs_figures_version',
  ['programme', 'enrolment', 'advisor', 'event'],
  true,
);
