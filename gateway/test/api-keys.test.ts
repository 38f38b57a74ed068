import { createHash, randomUUID } from 'node:crypto';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { codes, councilOf, gql, ok, sqlOn, url } from '../../test/support';

/** Partner API keys: issued and revoked by the national office, checked by the gateway on every request. */
const ISSUE = `mutation Issue($input: ApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id name prefix scopes ratePerMinute revokedAt } } }`;

async function issue(input: Record<string, unknown>) {
  return ok(await gql(ISSUE, { as: 'NATIONAL', variables: { input: { name: 'Observatoire test', owner: 'Test partner', ...input } } })).issueApiKey as {
    key: string;
    apiKey: { id: string; prefix: string; scopes: string[]; ratePerMinute: number | null };
  };
}
const withKey = (key: string) => ({ authorization: `ApiKey ${key}` });
const exportWith = (headers: Record<string, string>, origin = url('gateway', '')) => fetch(`${origin}/export/scorecards.csv?year=2020`, { headers });

describe('partner API keys', () => {
  it('are issued by the national office only, shown once, and stored as their hash', async () => {
    const issued = await issue({ scopes: ['GRAPHQL'] });
    expect(issued.key).toMatch(/^mkp_[A-Za-z0-9_-]{43}$/);
    expect(issued.key.startsWith(issued.apiKey.prefix)).toBe(true);
    const [stored] = await sqlOn('regions', `SELECT hash, to_jsonb(api_key)::text AS row FROM api_key WHERE id = $1`, [issued.apiKey.id]);
    expect(stored.hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
    expect(stored.row).not.toContain(issued.key.slice(10)); // only the prefix is kept in clear
    const listed = ok(await gql(`{ apiKeys { id name prefix scopes } }`, { as: 'NATIONAL' })).apiKeys;
    expect(listed.find((k: { id: string }) => k.id === issued.apiKey.id)).toMatchObject({ prefix: issued.apiKey.prefix, scopes: ['GRAPHQL'] });
    // The secret is not a field of a listed key, and the gateway's check is not in the public schema.
    expect(codes(await gql(`{ apiKeys { key } }`, { as: 'NATIONAL' }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await gql(`{ _apiKey(hash: "${stored.hash}") { id } }`, { as: 'NATIONAL' }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    for (const as of [{ authorization: councilOf('MA-09') }, { as: 'PARTNER' as const }, {}, withKey(issued.key)]) {
      expect(codes(await gql(`{ apiKeys { id } }`, as))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(ISSUE, { ...as, variables: { input: { name: 'Mine', owner: 'Me', scopes: ['EXPORTS'] } } }))).toEqual(['FORBIDDEN']);
    }
    const bad = await gql(ISSUE, { as: 'NATIONAL', variables: { input: { name: 'x', owner: 'Test partner', scopes: [] } } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(ISSUE, { as: 'NATIONAL', variables: { input: { name: 'Rate', owner: 'Test', scopes: ['GRAPHQL'], ratePerMinute: 0 } } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('are never stored in clear, not even as the answer a retry with the same Idempotency-Key replays', async () => {
    const headers = { 'idempotency-key': `api-key-${randomUUID()}` };
    const variables = { input: { name: 'Observatoire rejoué', owner: 'Test partner', scopes: ['GRAPHQL'] } };
    const first = ok(await gql(ISSUE, { as: 'NATIONAL', variables, headers })).issueApiKey;
    expect(first.key).toMatch(/^mkp_/);
    const secret = first.key.slice(10);
    const [stored] = await sqlOn('regions', `SELECT response::text AS response FROM idempotency_key WHERE key = $1`, [headers['idempotency-key']]);
    expect(stored.response).not.toContain(secret);
    for (const table of ['api_key', 'audit_trail', 'change_history', 'idempotency_key']) {
      const [found] = await sqlOn('regions', `SELECT count(*)::int AS n FROM ${table} t WHERE strpos(to_jsonb(t)::text, $1) > 0`, [secret]);
      expect([table, found.n]).toEqual([table, 0]);
    }
    // The retry gets no key: one CONFLICT naming the key it issued, so that it can be revoked.
    const replay = await gql(ISSUE, { as: 'NATIONAL', variables, headers });
    expect(codes(replay)).toEqual(['CONFLICT']);
    expect(replay.errors![0].message).toContain(first.apiKey.id);
    expect(JSON.stringify(replay)).not.toContain(secret);
    expect(ok(await gql(`{ apiKeys { id } }`, { as: 'NATIONAL' })).apiKeys.filter((k: { id: string }) => k.id === first.apiKey.id)).toHaveLength(1);
  });

  it('open the public graph as a partner does, within their scopes, and nothing once revoked', async () => {
    const { key, apiKey } = await issue({ scopes: ['GRAPHQL'] });
    const read = await gql(`{ regions { code registrationStats { registered } } }`, withKey(key));
    expect(read.status).toBe(200);
    expect(ok(read).regions).toHaveLength(12);
    expect((await gql(`{ regions { code } }`, { headers: { 'x-api-key': key } })).status).toBe(200);
    // A partner's reach: public aggregates, never people.
    expect(codes(await gql(`{ autoEntrepreneurs(region: "MA-09", first: 1) { totalCount } }`, withKey(key)))).toEqual(['FORBIDDEN']);
    // Its scopes: this one opens no exports.
    const exported = await exportWith(withKey(key));
    expect([exported.status, ((await exported.json()) as any).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const [used] = await sqlOn('regions', `SELECT last_used_at FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(used.last_used_at).not.toBeNull();

    const revoked = ok(await gql(`mutation { revokeApiKey(id: "${apiKey.id}", reason: "Convention ended") { revokedAt } }`, { as: 'NATIONAL' }));
    expect(revoked.revokeApiKey.revokedAt).not.toBeNull();
    // From the next request on: no cache keeps it alive.
    const refused = await gql(`{ regions { code } }`, withKey(key));
    expect([refused.status, codes(refused)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(codes(await gql(`mutation { revokeApiKey(id: "${apiKey.id}", reason: "Twice") { id } }`, { as: 'NATIONAL' }))).toEqual(['BAD_USER_INPUT']);
    const [history] = await sqlOn('regions', `SELECT count(*)::int AS n FROM change_history WHERE entity_id = $1`, [apiKey.id]);
    expect(history.n).toBe(2); // issued, revoked
  });

  it('refuses keys it does not know, and opens exports with the EXPORTS scope', async () => {
    for (const key of ['mkp_' + 'A'.repeat(43), 'mkp_short', 'not-a-key']) {
      const refused = await gql(`{ regions { code } }`, withKey(key));
      expect([key, refused.status, codes(refused)]).toEqual([key, 401, ['UNAUTHENTICATED']]);
    }
    const { key } = await issue({ scopes: ['EXPORTS'] });
    const file = await exportWith(withKey(key));
    expect(file.status).toBe(200);
    expect((await file.text()).split('\n').length).toBeGreaterThan(2);
    expect(codes(await gql(`{ regions { code } }`, withKey(key)))).toEqual(['FORBIDDEN']);
  });

  describe('with rate limiting on', () => {
    let gateway: ExtraGateway;
    beforeAll(async () => {
      gateway = await startGateway(await freePort(), { RATE_LIMIT_PER_MINUTE: '1200' });
    });
    afterAll(() => gateway?.stop());

    it("holds a key to its own rate, separately from the gateway's", async () => {
      // 6 a minute: bursts of one, refilled after ten seconds, longer than the test's few requests.
      const { key } = await issue({ scopes: ['GRAPHQL', 'EXPORTS'], ratePerMinute: 6 });
      const first = await gql(`{ regions { code } }`, { ...withKey(key), origin: gateway.origin });
      const second = await gql(`{ regions { code } }`, { ...withKey(key), origin: gateway.origin });
      expect([first.status, second.status]).toEqual([200, 429]);
      expect(second.errors![0].message).toContain('at most 6 a minute');
      expect((await exportWith(withKey(key), gateway.origin)).status).toBe(429);
      // Other callers keep the gateway's rate.
      expect((await gql(`{ regions { code } }`, { as: 'PARTNER', origin: gateway.origin })).status).toBe(200);
      const other = await issue({ scopes: ['GRAPHQL'] });
      expect((await gql(`{ regions { code } }`, { ...withKey(other.key), origin: gateway.origin })).status).toBe(200);
      expect((await gql(`{ regions { code } }`, { ...withKey(other.key), origin: gateway.origin })).status).toBe(200);
    });
  });
});
