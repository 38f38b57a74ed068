import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('start-up safety', () => {
  it.each([
    ['gateway', join(ROOT, 'gateway', 'dist', 'main.js')],
    ['a subgraph', join(ROOT, 'subgraphs', 'regions', 'dist', 'main.js')],
  ])('%s refuses to start in production with the development JWT secret', (_name, entry) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      GATEWAY_PORT: '0',
      REGIONS_PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    };
    delete env.JWT_SECRET;
    const run = spawnSync(process.execPath, [entry], { env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('JWT_SECRET must be set');
  });
});
