import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { SUBGRAPHS, type SubgraphName } from '@moukawil/kit/core';
import { compose, SUPERGRAPH_FILE, subgraphSchemaFile } from '@moukawil/gateway/dist/supergraph';
import { subgraphEntry } from './paths';

/** Each subgraph prints its own SDL (its process alone holds its type-graphql classes). */
export function printSubgraphSdl(name: SubgraphName): string {
  return execFileSync(process.execPath, [subgraphEntry(name), 'sdl'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
}

/** `npm run compose`: writes subgraphs/<name>/schema.graphql and supergraph.graphql; `--check` only reports staleness. */
function main(): void {
  const check = process.argv.includes('--check');
  const sdls = Object.fromEntries(SUBGRAPHS.map((name) => [name, printSubgraphSdl(name)])) as Record<SubgraphName, string>;
  const supergraph = compose(sdls);
  const files: Array<[string, string]> = [...SUBGRAPHS.map((n) => [subgraphSchemaFile(n), sdls[n]] as [string, string]), [SUPERGRAPH_FILE, supergraph]];
  const stale = files.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (check) {
    if (stale.length) {
      process.stderr.write(`stale: ${stale.map(([f]) => f).join(', ')}\nrun npm run compose\n`);
      process.exit(1);
    }
    process.stdout.write('schemas and supergraph are current\n');
    return;
  }
  for (const [file, text] of stale) writeFileSync(file, text);
  process.stdout.write(`composed ${SUBGRAPHS.length} subgraphs; ${stale.length} file(s) updated\n`);
}

if (require.main === module) main();
