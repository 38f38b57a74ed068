import { gql, signedToken } from '../../test/support';

/** Tokens name their holder and expire, at the gateway and at every subgraph alike. */
const NATIONAL = { subject: 'test-tokens', role: 'NATIONAL' };
const HOUR = 3600;

describe('bearer tokens', () => {
  const refusals: Array<[string, (payload: Record<string, unknown>) => void]> = [
    ['without exp (it would never expire)', (p) => delete p.exp],
    ['without sub (its callers would share one budget and one audit actor)', (p) => delete p.sub],
    ['with an empty sub', (p) => (p.sub = '')],
    ['with a sub of spaces', (p) => (p.sub = '   ')],
    ['without iat (its age is unknown)', (p) => delete p.iat],
    ['issued longer ago than the maximum age (12 h)', (p) => (p.iat = Math.floor(Date.now() / 1000) - 13 * HOUR)],
    ['issued in the future', (p) => (p.iat = Math.floor(Date.now() / 1000) + HOUR)],
  ];

  it.each(refusals)('refuses a token %s, at the gateway and at a subgraph', async (_why, change) => {
    const authorization = `Bearer ${signedToken(NATIONAL, HOUR, change)}`;
    for (const service of ['gateway', 'registry'] as const) {
      const answer = await gql(`{ nationalStats { registered } }`, { authorization, service });
      expect([service, answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([service, 401, 'UNAUTHENTICATED']);
    }
  });

  it('accepts a token that names its holder, was issued lately and has not expired', async () => {
    const authorization = `Bearer ${signedToken(NATIONAL, HOUR, (p) => (p.iat = Math.floor(Date.now() / 1000) - 11 * HOUR))}`;
    for (const service of ['gateway', 'registry'] as const) {
      const answer = await gql(`{ nationalStats { registered } }`, { authorization, service });
      expect([service, answer.status, answer.errors]).toEqual([service, 200, undefined]);
    }
  });
});
