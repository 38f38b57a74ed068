import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../test/ports';

const ROOT = join(__dirname, '..', '..');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0])));
}

/** A short refresh period, so that the withdrawal is seen within seconds (the default is 30 s). */
const REFRESH_SECONDS = 2;

describe('production identity: tokens of an identity provider checked against its JWKS', () => {
  it('accepts an ES256 token signed by the provider and refuses one signed by another key', async () => {
    const provider = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'jwks-provider.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(provider);
    const idp = JSON.parse(await firstLine(provider));
    const port = await freePort();
    const gateway = spawn(process.execPath, [join(ROOT, 'gateway', 'dist', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: '',
        JWT_JWKS_URL: idp.url,
        JWT_KEYS_REFRESH_SECONDS: String(REFRESH_SECONDS),
        GATEWAY_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    children.push(gateway);
    const ask = async (token: string) => {
      for (let i = 0; i < 50; i++) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          return { status: response.status, body: (await response.json()) as any };
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      throw new Error('the gateway did not start');
    };
    const good = await ask(idp.valid);
    expect(good.status).toBe(200);
    expect(good.body.data).toEqual({ __typename: 'Query' });
    const bad = await ask(idp.wrongKey);
    expect(bad.status).toBe(401);
    expect(bad.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // The provider withdraws its key: within twice the refresh period (the key set's cache, then
    // the verified tokens'), the token it signed opens nothing, here as in every service.
    expect((await ask(idp.valid)).status).toBe(200);
    await fetch(idp.withdraw, { method: 'POST' });
    const withdrawn = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - withdrawn < 2 * REFRESH_SECONDS * 1000 + 1_500) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await ask(idp.valid)).status;
    }
    expect(status).toBe(401);
  });
});
