// Boots the real stack once for the whole run: an embedded PostgreSQL in a temporary folder,
// the four subgraphs and the gateway as separate processes on free ports, with test data.
// Plain JS on the built code (npm test builds first), so that ESM-only packages load natively.
const { execSync } = require('node:child_process');
const { chmodSync, existsSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/**
 * Debian packages the suite runs: Chromium for the browser tests, docker-compose to validate
 * docker-compose.yml offline. Installed when this machine lacks them (CI starts fresh).
 */
const DEBIAN = { chromium: '/usr/bin/chromium', 'docker-compose': '/usr/bin/docker-compose' };
function ensureDebianPackages() {
  const missing = Object.entries(DEBIAN)
    .filter(([, binary]) => !existsSync(binary))
    .map(([name]) => name);
  if (missing.length === 0) return;
  console.log(`\nInstalling Debian ${missing.join(', ')} for the suite…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}

module.exports = async function globalSetup() {
  ensureDebianPackages();
  process.env.LOG_LEVEL = 'silent';
  process.env.JWT_SECRET = 'moukawil-test-secret-0123456789-abcdefghij';
  const kit = { ...require('../kit/dist/subgraph'), ...require('../kit/dist/core') };
  const { startStack } = require('../scripts/dist/stack');
  const dataDir = mkdtempSync(join(tmpdir(), 'moukawil-test-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const database = await kit.startEmbeddedPostgres(join(dataDir, 'postgres'));
  const names = ['gateway', 'regions', 'registry', 'programs', 'indicators'];
  const ports = {};
  const { freePort } = require('./ports');
  for (const name of names) ports[name] = await freePort();
  // Rate limiting is off for the shared stack (every test client is one address); gateway/test/resilience.test.ts runs gateways of its own with it on.
  const env = {
    DATABASE_URL: database.url,
    DATABASE_PREFIX: 'test_',
    SEED_REGISTRATIONS: '4000',
    LOG_LEVEL: 'silent',
    SNAPSHOT_SCHEDULE: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    GATEWAY_CONCURRENT_PER_CALLER: '0',
    GATEWAY_CONCURRENT_ANONYMOUS: '0',
    IDEMPOTENCY_PURGE_SECONDS: '2',
    // Every answer the gateway's executor gives in any test is checked against Apollo Gateway's executor,
    // and every query a subgraph answers with graphql-jit against graphql-js's execution.
    GATEWAY_EXECUTOR_CHECK: 'true',
    SUBGRAPH_EXECUTOR_CHECK: 'true',
  };
  // The embedded OpenID provider, as `npm start` runs it: the browser tests sign in through its login page.
  const { startIdentityProvider } = require('../scripts/dist/identity');
  const identity = await startIdentityProvider(await freePort(), [`http://127.0.0.1:${ports.gateway}`, `http://localhost:${ports.gateway}`]);
  env.OIDC_ISSUER = identity.issuer;
  let stack;
  try {
    stack = await startStack({ env, ports, stdio: 'ignore', readyTimeoutMs: 120_000 });
  } catch (error) {
    await identity.stop();
    await database.stop();
    throw error;
  }
  globalThis.__MOUKAWIL__ = { stack, database, dataDir, identity };

  const tokens = {
    NATIONAL: await kit.signToken({ subject: 'test-national', role: 'NATIONAL' }),
    REGIONAL_MA09: await kit.signToken({ subject: 'test-council-09', role: 'REGIONAL', region: 'MA-09' }),
    ADVISOR_MA09: await kit.signToken({ subject: 'test-advisor-09', role: 'ADVISOR', region: 'MA-09' }),
    ADVISOR_MA03: await kit.signToken({ subject: 'test-advisor-03', role: 'ADVISOR', region: 'MA-03' }),
    // An advisor of the seeded network (the first of Souss-Massa), as the advisor's own views read them (`me`).
    ADVISOR_OF_NETWORK_MA09: await kit.signToken({
      subject: 'test-advisor-network-09',
      role: 'ADVISOR',
      region: 'MA-09',
      advisor: 'c0000000-0000-4000-8000-000000000008',
    }),
    PARTNER: await kit.signToken({ subject: 'test-partner', role: 'PARTNER' }),
    EXPIRED: await kit.signToken({ subject: 'test-expired', role: 'NATIONAL' }, '-1m'),
  };
  Object.assign(process.env, {
    TEST_TOKENS: JSON.stringify(tokens),
    TEST_PORTS: JSON.stringify(ports),
    TEST_DATABASE_URL: database.url,
    TEST_OIDC_ISSUER: identity.issuer,
    // The suites' own gateways (test/gateway.ts, test/stack.ts) check their answers too.
    GATEWAY_EXECUTOR_CHECK: 'true',
    SUBGRAPH_EXECUTOR_CHECK: 'true',
  });
};
