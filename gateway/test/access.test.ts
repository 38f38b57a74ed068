import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { codes, gql, url } from '../../test/support';
import { assertNoLeak, call, describeAccessMatrix, people, PERSON, type Caller } from './access-matrix';

describeAccessMatrix('access matrix: every role on every path', () => undefined, true);

describe('access matrix: beyond the paths', () => {
  it('lets a REGIONAL council list only its own people, CINs masked', async () => {
    const result = await gql(`{ autoEntrepreneurs(first: 100) { totalCount edges { node { ${PERSON} } } } }`, { as: 'REGIONAL_MA09' });
    const seen = people(result.data);
    expect(seen.length).toBeGreaterThan(0);
    assertNoLeak('REGIONAL_MA09', result);
  });

  it('answers health and public aggregates to everyone, even with no token', async () => {
    expect((await fetch(url('registry', '/health'))).status).toBe(200);
    for (const caller of ['anonymous', 'PARTNER'] as Caller[]) {
      const result = await gql(`{ nationalStats { registered } indicators { code } regions { registrationStats { registered } } }`, call(caller));
      expect(result.errors).toBeUndefined();
    }
  });
});

describe('verified tokens', () => {
  it('stop being accepted the moment they expire, though the gateway and subgraphs keep recent verifications', async () => {
    // `npm run token` as a developer runs it (the stack's JWT_SECRET is in this process's environment).
    // 8 s: room for the process start and four requests on a loaded machine; the wait below is
    // for the token's own expiry, so a longer life costs waiting, never a flaky pass or failure.
    const shortLived = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'dist', 'token.js'), '--role', 'NATIONAL', '--expires', '8s'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop()!;
    const authorization = `Bearer ${shortLived}`;
    const expiresAt = JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()).exp * 1000;
    const person = `{ autoEntrepreneurs(first: 1) { edges { node { nationalId } } } }`;
    for (let i = 0; i < 3; i++) expect((await gql(person, { authorization })).errors).toBeUndefined();
    // Straight to the subgraph too: it verifies (and remembers) the same token on its own.
    expect((await gql(person, { authorization, service: 'registry' })).errors).toBeUndefined();
    expect(Date.now()).toBeLessThan(expiresAt); // the answers above were given while the token was valid
    // Until the instant the token itself names, and no longer: its expiry is the event waited for.
    await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 1));
    expect(codes(await gql(person, { authorization }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(person, { authorization, service: 'registry' }))).toEqual(['UNAUTHENTICATED']);
  });
});
