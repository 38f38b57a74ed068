import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetchNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import type { PreparedPlan } from './prepare';
import type { FetchRequest } from './merge';
import { applyShape, isTypeOf } from './apply-shape';
import { downstreamError, errorPaths } from './errors';
import { opened, RawJson } from './raw-json';
import type { BatchNode, ExecutedNode } from './waves';

/**
 * The subgraph calls of a plan: the fetches given go to one subgraph together (one request when
 * they can be merged, merge.ts); each gets its own answer, parsed (datasource.ts).
 */
export type SubgraphCall = (service: string, requests: readonly FetchRequest[], context: GatewayContext) => Array<Promise<GatewayGraphQLResponse>>;

/** What a plan's execution answers, as Apollo Gateway's executor does. */
export interface PlanResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
  extensions?: Record<string, unknown>;
}

type Path = Array<string | number>;
interface Cursor {
  path: Path;
  data: unknown;
  fullResult: Record<string, unknown>;
}
type Data = Record<string, unknown>;

/**
 * Runs a query plan of Apollo's planner, with batches where they save calls (waves.ts): one
 * switch over its nodes (Sequence one after the other, Parallel together, Batch as one call per
 * subgraph), each entity fetch sending the representations its `requires`
 * selects and merging the entities it gets back, then the client's answer shaped from the merged
 * data (shape.ts; a subtree a fetch answered as the client asks stays text, raw-json.ts). It does
 * what Apollo Gateway's executeQueryPlan does, in the same order and with
 * the same errors (their paths, codes and serviceName), without its per-request tracing objects
 * and schema model: the gateway's main cost on a federated query. GATEWAY_EXECUTOR_CHECK
 * (check.ts) holds every answer equal to Apollo's executor over the same subgraph answers (all
 * but one that breaks the subgraph's own schema inside text kept as such: raw-json.ts).
 */
export async function executePlan(
  prepared: PreparedPlan,
  variables: Record<string, unknown>,
  context: GatewayContext,
  call: SubgraphCall,
): Promise<PlanResult> {
  const errors: GraphQLError[] = [];
  const merged: Data = {};
  const root: Cursor = { path: [], data: merged, fullResult: merged };
  const withDefaults = { ...prepared.defaults, ...variables };

  /** The one switch over the plan's nodes. */
  async function run(node: ExecutedNode, cursor: Cursor | undefined): Promise<void> {
    if (!cursor) return;
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await run(child, cursor);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => run(child, cursor)));
        return;
      case 'Flatten':
        return run(node.node, moveInto(cursor, node.path));
      case 'Fetch':
        try {
          await runFetch(node, cursor);
        } catch (error) {
          errors.push(error as GraphQLError);
        }
        return;
      case 'Batch':
        return runBatch(node);
      case 'Condition': {
        const value = withDefaults[node.condition];
        if (typeof value !== 'boolean') throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${node.condition}`);
        const branch = value ? node.ifClause : node.elseClause;
        if (branch) await run(branch, cursor);
        return;
      }
      default:
        throw new Error(`${node.kind} nodes are planned only for operations prepare.ts leaves to Apollo's executor`);
    }
  }

  async function runFetch(node: FetchNode, cursor: Cursor): Promise<void> {
    const fetch = fetchOf(node, cursor);
    if (fetch) receive(fetch, await call(node.serviceName, [fetch.request], context)[0]);
  }

  /** The fetches of a batch (waves.ts), each from the entities at its path from the root, as one call. */
  async function runBatch(batch: BatchNode): Promise<void> {
    const fetches: Fetch[] = [];
    for (const { path, fetch } of batch.members) {
      const cursor = moveInto(root, path);
      try {
        const ready = cursor && fetchOf(fetch, cursor);
        if (ready) fetches.push(ready);
      } catch (error) {
        errors.push(error as GraphQLError);
      }
    }
    if (fetches.length < 1) return;
    const answers = call(
      batch.serviceName,
      fetches.map((f) => f.request),
      context,
    );
    await Promise.all(
      fetches.map(async (fetch, i) => {
        try {
          receive(fetch, await answers[i]);
        } catch (error) {
          errors.push(error as GraphQLError);
        }
      }),
    );
  }

  interface Fetch {
    node: FetchNode;
    cursor: Cursor;
    request: FetchRequest;
    entities: Data[];
    /** For an entity fetch: the entity each representation was made from. */
    owners?: number[];
  }

  /** What a fetch sends, from the entities under its cursor; null when it has nothing to ask. */
  function fetchOf(node: FetchNode, cursor: Cursor): Fetch | null {
    const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data]) as Data[];
    if (entities.length < 1) return null;
    const fetchVariables: Record<string, unknown> = {};
    for (const name of node.variableUsages ?? []) {
      if (Object.hasOwn(variables, name) && variables[name] !== undefined) fetchVariables[name] = variables[name];
    }
    const raw = prepared.raw.get(node);
    const request = (sent: Record<string, unknown>): FetchRequest => ({
      query: node.operation,
      variables: sent,
      operationName: node.operationName,
      ...(raw ? { raw } : {}),
    });
    if (!node.requires) return { node, cursor, request: request(fetchVariables), entities };
    const representations: Data[] = [];
    const owners: number[] = [];
    entities.forEach((entity, index) => {
      const representation = select(prepared.supergraph, entity, node.requires!);
      if (representation && representation.__typename) {
        representations.push(representation);
        owners.push(index);
      }
    });
    if (representations.length < 1) return null;
    if ('representations' in fetchVariables) throw new Error(`Variables cannot contain key "representations"`);
    return { node, cursor, request: request({ ...fetchVariables, representations }), entities, owners };
  }

  /** A fetch's answer: its errors where they belong in the client's answer, its data merged into the entities. */
  function receive({ node, cursor, entities, owners }: Fetch, response: GatewayGraphQLResponse): void {
    if (response.errors) {
      const pathOf = errorPaths(node, cursor);
      errors.push(...response.errors.map((error) => downstreamError(error, node.serviceName, pathOf)));
    }
    const received = response.data as Data | null | undefined;
    if (!owners) {
      for (const entity of entities) deepMerge(entity, received);
      return;
    }
    if (!received) return;
    const found = received._entities;
    if (!Array.isArray(found)) throw new Error(`Expected "data._entities" in response to be an array`);
    if (found.length !== owners.length) throw new Error(`Expected "data._entities" to contain ${owners.length} elements`);
    for (let i = 0; i < owners.length; i++) {
      const entity = found[i] as Data | null;
      const owner = entities[owners[i]];
      if (entity && !entity.__typename) entity.__typename = owner.__typename;
      deepMerge(owner, entity);
    }
  }

  if (prepared.node) await run(prepared.node, root);
  const shaped = applyShape(prepared.schema, prepared.root, prepared.shape, merged, withDefaults);
  if (errors.length > 0) return { errors, data: shaped.data };
  if (shaped.errors.length > 0) return { extensions: { valueCompletion: shaped.errors }, data: shaped.data };
  return { data: shaped.data };
}

function moveInto(cursor: Cursor, path: Path): Cursor | undefined {
  const data = flattenAt(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenAt(value: unknown, path: Path): unknown {
  if (path.length === 0 || value === undefined || value === null) return value;
  const [head, ...rest] = path;
  if (head === '@') return (value as unknown[]).flatMap((element) => flattenAt(element, rest));
  return flattenAt(Object.hasOwn(value as Data, head as string) ? opened(value as Data, head as string) : undefined, rest);
}

/** A representation: the entity's fields its `requires` names (null when one is missing). */
function select(schema: GraphQLSchema, source: Data | null, selections: QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const result: Data = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, name) ? opened(source, name) : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((item) => (inner ? select(schema, item as Data, inner) : item));
      else result[name] = inner ? select(schema, value as Data, inner) : value;
    } else if (selection.typeCondition && isOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, select(schema, source, selection.selections));
    }
  }
  return result;
}

/** Apollo Gateway's isObjectOfType: an object of no known __typename meets no condition. */
function isOfType(schema: GraphQLSchema, object: Data, condition: string): boolean {
  const typename = object.__typename as string | undefined;
  if (!typename) return false;
  if (typename === condition) return true;
  const type = schema.getType(typename);
  const conditionType = schema.getType(condition);
  return !!type && !!conditionType && isTypeOf(schema, type, conditionType);
}

/** Apollo Gateway's deepMerge: objects merged key by key, lists of equal length element by element, the rest replaced. */
function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    let value = source[key];
    if (value === undefined) continue;
    // A key the prototype has (`constructor`) becomes the object's own before it is read.
    if (!Object.hasOwn(target, key) && key in target)
      Object.defineProperty(target, key, { value: undefined, writable: true, enumerable: true, configurable: true });
    let current = target[key];
    // Text (raw-json.ts) merged with something is parsed; on its own it stays text.
    if (value instanceof RawJson && typeof current === 'object' && current !== null) value = value.parse();
    if (current instanceof RawJson && typeof value === 'object' && value !== null) current = target[key] = current.parse();
    if (current && isObject(value)) deepMerge(current as Data, value as Data);
    else if (Array.isArray(value) && Array.isArray(current) && value.length === current.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(current[i]) && isObject(value[i])) deepMerge(current[i] as Data, value[i] as Data);
        else current[i] = value[i];
      }
    } else target[key] = value;
  }
  return target;
}

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
