import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { boundedCache } from '@moukawil/kit/core';
import {
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { RawFields } from './raw-json';

/** A fetch of a query plan as it goes to a subgraph. */
export interface FetchRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  /** Fields of each entity the subgraph answers that may come back as text (raw-json.ts): field → its selection's signature. */
  raw?: Map<string, string>;
}

/** Several fetches to one subgraph as one request, and how its answer is split back into theirs. */
export interface MergedRequest {
  request: FetchRequest;
  split(response: GatewayGraphQLResponse): GatewayGraphQLResponse[];
  /** The fetches' raw fields under the merged answer's keys. */
  raw: RawFields | undefined;
  /**
   * The subgraph refused the merged text itself (its operation limits count aliases, cost and
   * tokens over the whole operation, which the fetches alone stay within): these fetches go one
   * by one from now on.
   */
  refused(): void;
}

interface MergedText {
  query: string;
  /** The merged answer's top-level key → the fetch it answers and its key there. */
  keys: Map<string, [number, string]>;
}

/** Merged texts per list of fetch texts: a plan's batches are few and fixed. */
const texts = boundedCache<string, MergedText | { unmergeable: true }>(500);

const prefix = (index: number) => `m${index}_`;

/**
 * Several query fetches to one subgraph as a single GraphQL operation: each fetch's top-level
 * fields, variables and fragments renamed under a prefix of its own (`m0_`, `m1_`…), so that
 * `_entities` can be asked twice, for two lists of representations, in one request. The
 * subgraph answers the same values it would answer each alone (field by field, with the
 * same DataLoaders); the answer is split back by the prefixes, error paths included. Null when
 * a fetch cannot be merged (a top-level fragment, a mutation): the fetches then go one by one.
 */
export function mergeRequests(requests: readonly FetchRequest[]): MergedRequest | null {
  const cacheKey = requests.map((r) => r.query).join('\n\0\n');
  let text = texts.get(cacheKey);
  if (!text) {
    text = mergedText(requests.map((r) => r.query)) ?? { unmergeable: true };
    texts.set(cacheKey, text);
  }
  if ('unmergeable' in text) return null;
  const variables: Record<string, unknown> = {};
  requests.forEach((request, index) => {
    for (const [name, value] of Object.entries(request.variables)) variables[prefix(index) + name] = value;
  });
  const { keys } = text;
  let raw: RawFields | undefined;
  for (const [key, [index, original]] of keys) {
    const fields = requests[index].raw;
    if (original === '_entities' && fields) (raw ??= new Map()).set(key, fields);
  }
  return {
    request: { query: text.query, variables, operationName: requests[0].operationName },
    split: (response) => splitAnswer(response, keys, requests.length),
    raw,
    refused: () => void texts.set(cacheKey, { unmergeable: true }),
  };
}

function mergedText(queries: string[]): MergedText | null {
  const keys = new Map<string, [number, string]>();
  const operations: OperationDefinitionNode[] = [];
  const fragments: DefinitionNode[] = [];
  for (const [index, query] of queries.entries()) {
    const renamed = renameAll(parse(query), prefix(index));
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query') operations.push(definition);
      else return null;
    }
    const operation = operations[index];
    if (!operation || operations.length !== index + 1) return null;
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return null;
      keys.set(selection.alias!.value, [index, selection.alias!.value.slice(prefix(index).length)]);
    }
  }
  const merged: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: operations[0].operation,
    name: operations[0].name,
    variableDefinitions: operations.flatMap((o) => o.variableDefinitions ?? []),
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((o) => o.selectionSet.selections) },
  };
  return { query: stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [merged, ...fragments] })), keys };
}

/** The fetch's variables and fragments under the prefix, its top-level fields aliased under it. */
function renameAll(document: DocumentNode, prefix: string): DocumentNode {
  const topLevel = new Set<FieldNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const selection of definition.selectionSet.selections) if (selection.kind === Kind.FIELD) topLevel.add(selection);
  }
  return visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    Field: (node) => (topLevel.has(node) ? { ...node, alias: { kind: Kind.NAME, value: prefix + (node.alias ?? node.name).value } } : undefined),
  });
}

/**
 * Each fetch's answer from the merged one: its fields under their own keys, the errors whose path
 * starts in them with that path, errors of no fetch's (none in practice) with the first. The
 * caller resends the fetches one by one when the merged answer has no data at all (datasource.ts).
 */
function splitAnswer(response: GatewayGraphQLResponse, keys: Map<string, [number, string]>, count: number): GatewayGraphQLResponse[] {
  const parts: GatewayGraphQLResponse[] = Array.from({ length: count }, () => ({ data: {} }));
  for (const [key, value] of Object.entries(response.data ?? {})) {
    const owner = keys.get(key);
    if (owner) (parts[owner[0]].data as Record<string, unknown>)[owner[1]] = value;
  }
  const errors: Array<NonNullable<GatewayGraphQLResponse['errors']>[number][]> = parts.map(() => []);
  for (const error of response.errors ?? []) {
    const owner = typeof error.path?.[0] === 'string' ? keys.get(error.path[0]) : undefined;
    errors[owner ? owner[0] : 0].push(owner ? { ...error, path: [owner[1], ...error.path!.slice(1)] } : error);
  }
  errors.forEach((list, i) => list.length > 0 && (parts[i].errors = list));
  if (response.extensions) parts[0].extensions = response.extensions;
  return parts;
}
