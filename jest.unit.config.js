/**
 * `npm run test:unit`: the tests that need no stack (rules, the cost model, the executor over
 * in-memory subgraphs, the raw-JSON scanner, merging, CSV cells, translations), in
 * seconds, starting no process. `npm test` runs them too, with everything else (jest.config.js).
 */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  roots: base.roots,
  testPathIgnorePatterns: base.testPathIgnorePatterns,
  transform: base.transform,
  reporters: base.reporters,
  testMatch: [
    '**/kit/test/claims.test.ts',
    '**/kit/test/cost.test.ts',
    '**/gateway/test/apollo.test.ts',
    '**/gateway/test/executor.test.ts',
    '**/gateway/test/merge.test.ts',
    '**/gateway/test/raw-json.test.ts',
    '**/gateway/test/spreadsheet-cell.test.ts',
    '**/gateway/test/translations.test.ts',
    '**/subgraphs/indicators/test/scorecard-rules.test.ts',
    '**/subgraphs/registry/test/rules.test.ts',
  ],
};
