/** One jest run over every package: unit tests of the rules, and tests through the real stack (see test/global-setup.js). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/kit', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/durations-reporter.js'],
  maxWorkers: 2,
};
