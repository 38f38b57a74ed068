/**
 * Who writes where on the shared stack. jest runs two suites at a time against one stack, so a
 * figure a suite reads must not move because another suite wrote at that moment. Every region of
 * the shared stack is one of three kinds:
 *
 * - **owned** by one suite, its only writer: that suite may count exactly there (a +1 after one
 *   registration, the rows of an import, the mean of its assessments);
 * - **still**: no suite writes there, so readers may walk every page or compare two views of it;
 * - **open**: every other write (the test tokens' home region MA-09 among them); no suite counts
 *   exactly there.
 *
 * Suites that run a stack or a subgraph over databases of their own (test/stack.ts, a prefix of
 * their own) write anywhere in them.
 */
export const OWNED = {
  /** subgraphs/registry/test/replicas.test.ts: one registration seen by two replicas. */
  replicas: 'MA-01',
  /** subgraphs/indicators/test/monitoring.test.ts: a live actual +1, targets, assessments and their mean. */
  monitoring: 'MA-02',
  /** gateway/test/cache.test.ts: the public cache emptied by a write, the figure +1. */
  cache: 'MA-05',
  /** subgraphs/registry/test/import.test.ts: imported rows counted exactly. */
  import: 'MA-10',
  /** subgraphs/registry/test/declarations.test.ts. */
  declarations: 'MA-11',
  /** subgraphs/registry/test/lifecycle.test.ts: nothing half-written, counted per region. */
  lifecycle: 'MA-12',
} as const;

/** Read whole by lists.test, pages.test, timeline.test, federation.test and programs.test. */
export const STILL = ['MA-04', 'MA-06', 'MA-07'] as const;

/**
 * Any suite may write people here; none counts them exactly. Enrolments are written by
 * enrolments.test only, which counts them per programme; the operational records (events,
 * workshops, advisors, new programmes; partners, conventions and their targets in years no
 * other suite reads) by operations.test and agreements.test only, in MA-08, and from the browser
 * by web.test, and by export.test, in MA-09, where no suite counts them. concurrent-writers.test
 * writes records of each kind in MA-09 (its enrolments in a loan programme of its own) and people
 * in MA-03.
 */
export const OPEN = ['MA-03', 'MA-08', 'MA-09'] as const;

const all = [...Object.values(OWNED), ...STILL, ...OPEN];
if (new Set(all).size !== 12 || all.length !== 12) throw new Error(`test/regions.ts must give each of the 12 regions exactly one kind: ${all.join(' ')}`);
