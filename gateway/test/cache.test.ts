import { randomInt } from 'node:crypto';
import { OWNED } from '../../test/regions';
import { token, url } from '../../test/support';

async function post(query: string, bearer?: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(url('gateway'), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { cache: response.headers.get('x-moukawil-cache'), body: (await response.json()) as any };
}

describe('the public response cache', () => {
  it('serves repeated public queries from the cache and empties it on a mutation', async () => {
    const query = `{ region(code: "${OWNED.cache}") { registrationStats { applications } } }`;
    // A mutation by another suite running beside this one empties the cache too, so the pair is
    // asked again (at most three times) until no other write fell between its two requests.
    let first = await post(query);
    let second = await post(query);
    for (let attempt = 1; attempt < 3 && second.cache !== 'HIT'; attempt++) {
      first = await post(query);
      second = await post(query);
    }
    expect(second.cache).toBe('HIT');
    expect(['MISS', 'HIT']).toContain(first.cache);
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
