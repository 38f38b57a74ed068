import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import {
  isCompositeType,
  Kind,
  typeFromAST,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileShape, Unsupported, type Shape } from './shape';
import { batchWaves, type Wave } from './waves';

/** A query plan with what executing it needs, prepared once per operation text (request.ts keeps them). */
export interface PreparedPlan {
  /** The plan's root (none when nothing is fetched, e.g. `{ __typename }`). */
  node: PlanNode | undefined;
  /** The same fetches as waves of one call per subgraph, when that saves calls (waves.ts). */
  waves: Wave[] | null;
  /** The API schema (shaping) and the supergraph's (the types of representations). */
  schema: GraphQLSchema;
  supergraph: GraphQLSchema;
  root: GraphQLCompositeType;
  shape: Shape;
  /** The operation's variable defaults, under the request's own values. */
  defaults: Record<string, unknown>;
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
    shape = compileShape(schema, root, operation, fragments);
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
  return { node: node as PlanNode | undefined, waves: batchWaves(node as PlanNode | undefined), schema, supergraph, root, shape, defaults };
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
