import { randomInt } from 'node:crypto';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { OWNED } from '../../test/regions';
import { token } from '../../test/support';

/** A gateway of this suite's own: only this suite's mutations empty its cache, so each answer's source is known exactly. */
let own: ExtraGateway;
beforeAll(async () => {
  own = await startGateway(await freePort(), {});
});
afterAll(() => own?.stop());

async function post(query: string, bearer?: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${own.origin}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { cache: response.headers.get('x-moukawil-cache'), body: (await response.json()) as any };
}

describe('the public response cache', () => {
  it('serves repeated public queries from the cache and empties it on a mutation', async () => {
    const query = `{ region(code: "${OWNED.cache}") { registrationStats { applications } } }`;
    const first = await post(query);
    const second = await post(query);
    expect([first.cache, second.cache]).toEqual(['MISS', 'HIT']);
    expect(second.body).toEqual(first.body);

    const input = {
      fullName: 'Loubna Lahlou',
      nationalId: `ZC${randomInt(1_000_000, 10_000_000)}`,
      gender: 'FEMALE',
      birthDate: '1990-01-01',
      region: OWNED.cache,
      activityCode: 'C-02',
    };
    const write = await post(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, token('NATIONAL'), { input });
    expect(write.body.errors).toBeUndefined();
    const after = await post(query);
    expect(after.cache).toBe('MISS');
    expect(after.body.data.region.registrationStats.applications).toBe(first.body.data.region.registrationStats.applications + 1);
  });

  it('never caches for callers who may read people, nor answers with errors', async () => {
    const authenticated = await post(`{ nationalStats { registered } }`, token('REGIONAL_MA09'));
    expect(authenticated.cache).toBeNull();
    const broken = `{ region(code: "nope") { name } }`;
    expect((await post(broken)).cache).toBe('MISS');
    expect((await post(broken)).cache).toBe('MISS');
  });
});
