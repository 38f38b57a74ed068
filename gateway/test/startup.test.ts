import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

const SERVICES = [
  ['gateway', join(ROOT, 'gateway', 'dist', 'main.js')],
  ['a subgraph', join(ROOT, 'subgraphs', 'regions', 'dist', 'main.js')],
] as const;

/** Starts a service that must refuse to start; its exit status and what it said. */
function refusedStart(entry: string, settings: Record<string, string | undefined>) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GATEWAY_PORT: '0',
    REGIONS_PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  };
  delete env.JWT_SECRET;
  delete env.NODE_ENV;
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) env[name] = value;
  const run = spawnSync(process.execPath, [entry], { env, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, said: run.stdout + run.stderr };
}

describe('start-up safety', () => {
  describe.each(SERVICES)('%s', (_name, entry) => {
    it('refuses to start in production with the development JWT secret', () => {
      const run = refusedStart(entry, { NODE_ENV: 'production' });
      expect(run.status).toBe(1);
      expect(run.said).toContain('JWT_SECRET must be set');
    });

    it.each(['0.0.0.0', '::', '192.168.1.20'])('refuses the development secret when listening on %s, production or not', (host) => {
      const run = refusedStart(entry, { LISTEN_HOST: host });
      expect(run.status).toBe(1);
      expect(run.said).toContain(`JWT_SECRET must be set to a private secret when listening on ${host}`);
    });

    it('refuses the embedded demo identity provider as its issuer in production', () => {
      const run = refusedStart(entry, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), OIDC_ISSUER: 'http://localhost:4005/moukawil-demo' });
      expect(run.status).toBe(1);
      expect(run.said).toContain('OIDC_ISSUER names the embedded demo provider');
    });

    it('refuses a secret shorter than 32 bytes in production', () => {
      const run = refusedStart(entry, { NODE_ENV: 'production', JWT_SECRET: 'short-secret-of-31-bytes-123456' });
      expect(run.status).toBe(1);
      expect(run.said).toContain('JWT_SECRET must be at least 32 bytes when NODE_ENV=production; it has 31');
    });
  });
});

it('the embedded identity provider does not start in production', () => {
  const run = refusedStart(join(ROOT, 'scripts', 'dist', 'identity.js'), { NODE_ENV: 'production', IDENTITY_PORT: '0' });
  expect(run.status).toBe(1);
  expect(run.said).toContain('it does not start with NODE_ENV=production');
});
