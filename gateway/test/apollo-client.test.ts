import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql as parse } from '@apollo/client';
import { signedToken, url } from '../../test/support';

/** A partner's Apollo Client, set up as docs/api.md says, normalizes the dashboard's entities. */
const ROOT = join(__dirname, '..', '..');

/** The typePolicies object of docs/api.md, read from the page itself so that the page cannot drift. */
function documentedTypePolicies(): Record<string, { keyFields: string[] }> {
  const page = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
  const literal = /const typePolicies = (\{[\s\S]*?\n\});/.exec(page)?.[1];
  if (!literal) throw new Error('docs/api.md has no typePolicies');
  return JSON.parse(
    literal
      .replace(/([A-Za-z]+):/g, '"$1":')
      .replace(/'/g, '"')
      .replace(/,(\s*[}\]])/g, '$1'),
  );
}

/** Every entity of the supergraph with its @key fields (the first key of its owner). */
function supergraphKeys(): Record<string, string[]> {
  const sdl = readFileSync(join(ROOT, 'supergraph.graphql'), 'utf8');
  const keys: Record<string, string[]> = {};
  for (const [, type, body] of sdl.matchAll(/^type (\w+)\n((?:\s+@join__\w+\(.*\)\n)+)/gm)) {
    const key = /@join__type\(graph: \w+, key: "([^"]+)"/.exec(body)?.[1];
    if (key) keys[type] = key.split(' ');
  }
  return keys;
}

const DASHBOARD = parse`
  query PartnerDashboard {
    regions {
      code
      name
      registrationStats { applications registered womenShare }
      programmes { code name kind }
      scorecardFor(year: 2020) { scope year periods statuses { indicator { code name } target actual status } }
    }
    nationalStats { applications registered womenShare }
  }
`;

describe('Apollo Client with the documented type policies', () => {
  it('names every entity of the supergraph with its @key', () => {
    const policies = documentedTypePolicies();
    const keys = supergraphKeys();
    expect(Object.keys(keys).length).toBeGreaterThanOrEqual(8);
    for (const [type, fields] of Object.entries(keys)) {
      if (fields.join() === 'id') expect(policies[type]).toBeUndefined();
      else expect([type, policies[type]?.keyFields]).toEqual([type, fields]);
    }
  });

  it('normalizes the dashboard: one cache entry per region, programme, indicator and scorecard', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: url('gateway'), headers: { authorization: `Bearer ${signedToken({ subject: 'apollo-client', role: 'NATIONAL' })}` } }),
      cache: new InMemoryCache({ typePolicies: documentedTypePolicies() }),
    });
    const { data, error } = await client.query({ query: DASHBOARD });
    expect(error).toBeUndefined();
    expect((data as { regions: unknown[] }).regions).toHaveLength(12);
    const entries = Object.keys(client.cache.extract());
    const of = (type: string) => entries.filter((key) => key.startsWith(`${type}:`));
    expect(of('Region')).toHaveLength(12);
    expect(of('Region')).toContain('Region:{"code":"MA-09"}');
    expect(of('Programme').length).toBeGreaterThan(0);
    expect(of('Indicator').length).toBeGreaterThan(5);
    expect(of('Scorecard')).toHaveLength(12);
    // A scorecard's statuses are values stored inside it, each pointing at its indicator's entry.
    const cache = client.cache.extract() as Record<string, { statuses?: Array<{ indicator: { __ref: string } }> }>;
    const souss = Object.entries(cache).find(([key]) => key.startsWith('Scorecard:{"scope":"MA-09","year":2020,'))![1];
    expect(souss.statuses!.length).toBeGreaterThan(5);
    expect(souss.statuses![0].indicator.__ref).toMatch(/^Indicator:\{"code":/);
    // A programme running in several regions is one entry, shared by them.
    const programmes = (data as { regions: Array<{ programmes: Array<{ code: string }> }> }).regions.flatMap((r) => r.programmes.map((p) => p.code));
    expect(of('Programme')).toHaveLength(new Set(programmes).size);
    await client.stop();
  });
});
