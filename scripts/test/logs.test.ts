import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Log lines a person can read on a terminal, JSON for everything else. */
const LOG = join(__dirname, '..', '..', 'kit', 'dist', 'core', 'log.js');
const line = (env: Record<string, string>) =>
  execFileSync(
    process.execPath,
    ['-e', `const { log, setServiceName } = require(${JSON.stringify(LOG)}); setServiceName('registry'); log.info({ port: 4002 }, 'registry subgraph ready');`],
    {
      env: { PATH: process.env.PATH!, LOG_LEVEL: 'info', ...env },
      encoding: 'utf8',
    },
  ).trim();

describe('logs', () => {
  it('are one JSON object a line when written to a pipe or a file (log collectors)', () => {
    const parsed = JSON.parse(line({}));
    expect(parsed).toMatchObject({ level: 30, service: 'registry', port: 4002, msg: 'registry subgraph ready' });
  });

  it('are one readable line each with LOG_FORMAT=pretty, the default on a terminal', () => {
    expect(line({ LOG_FORMAT: 'pretty' })).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: registry: registry subgraph ready \{"port":4002\}$/);
  });
});
