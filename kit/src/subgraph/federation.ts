import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { withListSizes, type ListBounds } from './list-sizes';

/** `__resolveReference` per entity type name: how this subgraph turns a key into an object. */
export type ReferenceResolvers = Record<string, (reference: never, context: never) => Promise<unknown>>;

export interface SubgraphSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  /** Types no resolver returns directly (entity stubs of other subgraphs, value types). */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  references?: ReferenceResolvers;
  /** Federation directives this subgraph uses, e.g. ["@key", "@external", "@requires"]; the cost directives are always imported. */
  federationDirectives: string[];
  /** The bound of every list of objects without a page argument (list-sizes.ts). */
  listBounds: ListBounds;
}

/** 2.9: the first version with the cost directives (`@cost`, `@listSize`). */
const FEDERATION_VERSION = 'v2.9';

/**
 * type-graphql classes -> a federated subgraph schema, and its SDL as printed in the
 * subgraph's `schema.graphql` (what composition reads).
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  plainFieldsUnwrapped();
  const plain = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    directives: [...specifiedDirectives],
    skipCheck: true, // federation directives are unknown to plain graphql validation
    validate: false, // inputs are checked by each subgraph's rules, with BAD_USER_INPUT messages people understand
  });
  const imports = [...options.federationDirectives, '@cost', '@listSize'].map((d) => JSON.stringify(d)).join(', ');
  const sdl =
    `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: [${imports}])\n\n` +
    withListSizes(plain, printSchemaWithDirectives(plain), options.listBounds) +
    '\n';
  const resolvers = createResolversMap(plain) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as Record<string, never>), __resolveReference: resolveReference as never };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}

/**
 * Access is decided by explicit policy calls inside resolvers (policy.ts of each subgraph), never
 * by type-graphql's @Authorized or middlewares, so a plain property field needs no resolver of its
 * own: type-graphql would otherwise wrap every field of every object in its middleware chain
 * (measured: a tenth of the indicators subgraph's CPU on the national dashboard). Refuses to
 * start if someone adds @Authorized or a middleware, which this would silently bypass.
 */
function plainFieldsUnwrapped(): void {
  const storage = getMetadataStorage();
  if ([storage.authorizedFields, storage.authorizedResolver, storage.middlewares, storage.resolverMiddlewares].some((list) => list.length > 0)) {
    throw new Error("type-graphql @Authorized and @UseMiddleware are not used here: put access decisions in the subgraph's policy.ts");
  }
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
}
