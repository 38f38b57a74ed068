import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SERVICES, SUBGRAPHS, type SubgraphName } from '@moukawil/kit/core';

/** The repository root: gateway/dist/.. /.. */
export const ROOT = join(__dirname, '..', '..');
export const SUPERGRAPH_FILE = join(ROOT, 'supergraph.graphql');

export function subgraphSchemaFile(name: SubgraphName): string {
  return join(ROOT, 'subgraphs', name, 'schema.graphql');
}

/** Composes the subgraphs' SDLs (as committed, or as given) into a supergraph; throws with every composition error. */
export function compose(sdls: Partial<Record<SubgraphName, string>> = {}): string {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      // The URL written in the supergraph is the default; the gateway resolves the real one from the environment.
      url: `http://localhost:${SERVICES[name].port}/graphql`,
      typeDefs: parse(sdls[name] ?? readFileSync(subgraphSchemaFile(name), 'utf8')),
    })),
  );
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl + '\n';
}
