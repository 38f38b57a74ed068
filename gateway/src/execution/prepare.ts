import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from '@apollo/query-planner';
import {
  isCompositeType,
  isEnumType,
  Kind,
  parse,
  typeFromAST,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { selectionSignature } from './raw-json';
import { compileShape, Unsupported, type Shape } from './shape';
import { batched, type ExecutedNode } from './waves';

/** A query plan with what executing it needs, prepared once per operation text (request.ts keeps them). */
export interface PreparedPlan {
  /** The plan's root as executed: Apollo's, its fetches batched one call per subgraph and wave when that saves calls (waves.ts); none when nothing is fetched (`{ __typename }`). */
  node: ExecutedNode | undefined;
  /** The API schema (shaping) and the supergraph's (the types of representations). */
  schema: GraphQLSchema;
  supergraph: GraphQLSchema;
  root: GraphQLCompositeType;
  shape: Shape;
  /** The operation's variable defaults, under the request's own values. */
  defaults: Record<string, unknown>;
  /** Per entity fetch, the fields of its entities that may stay text (raw-json.ts): field → signature. */
  raw: Map<FetchNode, Map<string, string>>;
}

/**
 * Prepares Apollo's plan of an operation for the gateway's executor (execute.ts), or answers null
 * for what it leaves to Apollo's own executor: subscriptions, @defer, introspection beside other
 * fields, and plans that rewrite data between subgraphs (@interfaceObject, @fromContext), which
 * this supergraph does not use.
 */
export function preparePlan(
  schema: GraphQLSchema,
  supergraph: GraphQLSchema,
  plan: QueryPlan,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PreparedPlan | null {
  const node = plan.node;
  if (operation.operation === 'subscription' || (node && (node.kind === 'Subscription' || !executable(node)))) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const root = schema.getRootType(operation.operation);
  if (!root || !isCompositeType(root)) return null;
  let shape: Shape;
  try {
    shape = compileShape(schema, root, operation, fragments, hiddenEnumValues(schema, supergraph));
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (!definition.defaultValue) continue;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) defaults[definition.variable.name.value] = valueFromAST(definition.defaultValue, type);
  }
  const planNode = node as PlanNode | undefined;
  return { node: batched(planNode), schema, supergraph, root, shape, defaults, raw: rawFields(planNode) };
}

/**
 * The fields of each entity fetch's answer that can stay text (raw-json.ts): those with a
 * selection of fields alone that no other fetch of the plan merges into or reads (by name,
 * wherever it appears: a Flatten path, a `requires`). Whether the client's selection is the same
 * is for shaping to see (shape.ts); a field that turns out to be needed is parsed then.
 */
function rawFields(root: PlanNode | undefined): Map<FetchNode, Map<string, string>> {
  const fetches: FetchNode[] = [];
  const needed = new Set<string>();
  const read = (selections: QueryPlanSelectionNode[]): void =>
    selections.forEach((selection) => {
      if (selection.kind === 'Field') needed.add(selection.alias ?? selection.name).add(selection.name);
      if (selection.selections) read(selection.selections);
    });
  const visit = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(visit);
    else if (node.kind === 'Flatten') {
      node.path.forEach((segment) => typeof segment === 'string' && needed.add(segment));
      visit(node.node);
    } else if (node.kind === 'Condition') {
      visit(node.ifClause);
      visit(node.elseClause);
    } else if (node.kind === 'Fetch') {
      fetches.push(node);
      if (node.requires) read(node.requires);
    }
  };
  visit(root);
  const raw = new Map<FetchNode, Map<string, string>>();
  for (const fetch of fetches.filter((f) => f.requires)) {
    const operation = parse(fetch.operation).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const entities = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    const fields = new Map<string, string | null>();
    for (const fragment of entities?.kind === Kind.FIELD ? (entities.selectionSet?.selections ?? []) : []) {
      if (fragment.kind !== Kind.INLINE_FRAGMENT) continue;
      for (const field of fragment.selectionSet.selections) {
        if (field.kind !== Kind.FIELD || !field.selectionSet) continue;
        const name = field.alias?.value ?? field.name.value;
        const signature = needed.has(name) || needed.has(field.name.value) ? null : selectionSignature(field.selectionSet);
        // The same name under two type conditions with two selections: neither stays text.
        fields.set(name, fields.has(name) && fields.get(name) !== signature ? null : signature);
      }
    }
    const kept = new Map([...fields].filter((entry): entry is [string, string] => entry[1] !== null));
    if (kept.size > 0) raw.set(fetch, kept);
  }
  return raw;
}

const hiddenEnums = new WeakMap<GraphQLSchema, Set<string>>();

/** Enums of which the API schema shows fewer values than the subgraphs may answer (@inaccessible values): shaping must see those. */
function hiddenEnumValues(schema: GraphQLSchema, supergraph: GraphQLSchema): Set<string> {
  let hidden = hiddenEnums.get(schema);
  if (!hidden) {
    hidden = new Set(
      Object.values(schema.getTypeMap())
        .filter(isEnumType)
        .filter((type) => {
          const full = supergraph.getType(type.name);
          return !isEnumType(full) || full.getValues().length !== type.getValues().length;
        })
        .map((type) => type.name),
    );
    hiddenEnums.set(schema, hidden);
  }
  return hidden;
}

function executable(node: PlanNode): boolean {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(executable);
    case 'Flatten':
      return executable(node.node);
    case 'Condition':
      return (!node.ifClause || executable(node.ifClause)) && (!node.elseClause || executable(node.elseClause));
    case 'Fetch':
      return !node.inputRewrites?.length && !node.outputRewrites?.length && !node.contextRewrites?.length && !node.hasDefers;
    default:
      return false;
  }
}
