import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SUBGRAPHS = ['regions', 'registry', 'programs', 'indicators'];

describe('composition', () => {
  it('composes, and the committed schemas and supergraph are current', () => {
    // The same check as `npm run compose -- --check`: each subgraph prints its SDL, composition runs.
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'dist', 'compose.js'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('current');
  });

  it("keeps the contract's entity keys", () => {
    const supergraph = readFileSync(join(ROOT, 'supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/type Region\s[^{]*@join__type\(graph: REGIONS, key: "code"\)/);
    expect(supergraph).toMatch(/type AutoEntrepreneur\s[^{]*@join__type\(graph: REGISTRY, key: "id"\)/);
    expect(supergraph).toMatch(/type Programme\s[^{]*@join__type\(graph: PROGRAMS, key: "code"\)/);
    expect(supergraph).toMatch(/type Indicator\s[^{]*@join__type\(graph: INDICATORS, key: "code"\)/);
    for (const name of SUBGRAPHS) {
      expect(readFileSync(join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8')).toMatch(
        /^extend schema @link\(url: "https:\/\/specs.apollo.dev\/federation\/v2/,
      );
    }
  });
});
