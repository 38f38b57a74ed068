import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Demand control by the GraphQL cost directives specification (`@cost`, `@listSize`), the one
 * Federation 2.9, Apollo Router and Hive Gateway read. No JavaScript library implements it with
 * sized fields and variables (graphql-query-complexity's estimators see a list's children as one
 * sum, and Hive's implementation lives inside its gateway runtime), so the kit has its own, with
 * the same defaults as Hive Gateway and Apollo Router:
 *
 * - an object (or interface, union) costs 1, a scalar or enum 0, unless `@cost(weight)` says;
 *   a mutation's root field costs 10 more;
 * - a list multiplies what it holds by its size: the largest of its slicing arguments (`first`,
 *   literal or variable, its schema default when absent), else its `assumedSize`, else the default
 *   list size (introspection's lists only: every list of the graph has a bound);
 * - `sizedFields` carry a connection's page size to its `edges`;
 * - `_entities` (a subgraph's entity fetch) holds as many objects as it is given representations.
 *
 * With objects weighing 1, an operation's cost is an upper bound of the objects its answer can
 * hold, so the limit bounds the work one request can ask for before any of it is done.
 */
export interface CostModel {
  listSizes: Map<string, ListSize>;
  weights: Map<string, number>;
  defaultListSize: number;
}

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

const MUTATION_COST = 10;

/** The `@cost` and `@listSize` of every field (and `@cost` of every type) of an SDL: a subgraph's or the supergraph's. */
export function costModel(sdl: string | DocumentNode, defaultListSize: number): CostModel {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const model: CostModel = { listSizes: new Map(), weights: new Map(), defaultListSize };
  for (const definition of document.definitions) {
    if (!('fields' in definition) || !('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    for (const directive of definition.directives ?? []) if (directive.name.value === 'cost') model.weights.set(type, weightOf(directive.arguments));
    for (const field of definition.fields ?? []) {
      const coordinate = `${type}.${field.name.value}`;
      for (const directive of field.directives ?? []) {
        const args = Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
        if (directive.name.value === 'cost') model.weights.set(coordinate, Number(args.weight));
        if (directive.name.value === 'listSize') {
          model.listSizes.set(coordinate, {
            assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
            slicingArguments: Array.isArray(args.slicingArguments) ? (args.slicingArguments as string[]) : undefined,
            sizedFields: Array.isArray(args.sizedFields) ? (args.sizedFields as string[]) : undefined,
          });
        }
      }
    }
  }
  return model;
}

const weightOf = (args: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[] | undefined) =>
  Number(valueFromASTUntyped(args?.find((a) => a.name.value === 'weight')?.value ?? { kind: Kind.INT, value: '1' }));

/** The cost of `operation` with its (coerced) variables, by `model`. */
export function operationCost(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (selections: SelectionSetNode, parent: GraphQLCompositeType, sized: Map<string, number> | null, seen: Set<string>): number => {
    let cost = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent, sized?.get(selection.name.value), seen);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) cost += selectionCost(selection.selectionSet, condition, sized, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue; // unknown or recursive fragments are validation's business
        // A fragment costs the same wherever it is spread (for the same sized fields): counted once,
        // so that fragments spreading others twice over (a "fragment bomb") take linear time to cost.
        const key = sized ? `${name} ${JSON.stringify([...sized])}` : name;
        let unit = fragmentCosts.get(key);
        if (unit === undefined) {
          const condition = schema.getType(fragment.typeCondition.name.value);
          unit = condition && isCompositeType(condition) ? selectionCost(fragment.selectionSet, condition, sized, new Set([...seen, name])) : 0;
          fragmentCosts.set(key, unit);
        }
        cost += unit;
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, sizedAs: number | undefined, seen: Set<string>): number => {
    if (node.name.value === '__typename') return 0;
    const field = fieldOf(schema, parent, node.name.value);
    if (!field) return 0;
    const named = getNamedType(field.type);
    const coordinate = `${parent.name}.${field.name}`;
    const weight = model.weights.get(coordinate) ?? model.weights.get(named.name) ?? (isCompositeType(named) ? 1 : 0);
    const own = weight + (parent === schema.getMutationType() ? MUTATION_COST : 0);
    const spec = model.listSizes.get(coordinate);
    const args = argumentsOf(field, node, variables);
    const slice = sliceOf(spec, args);
    let size = 1;
    if (isListType(getNullableType(field.type))) {
      size =
        sizedAs ??
        (field.name === '_entities' && Array.isArray(args.representations) ? args.representations.length : undefined) ??
        (spec?.sizedFields ? undefined : slice) ??
        spec?.assumedSize ??
        model.defaultListSize;
    }
    const sized = spec?.sizedFields ? new Map(spec.sizedFields.map((f) => [f, slice ?? spec.assumedSize ?? model.defaultListSize])) : null;
    const children = node.selectionSet && isCompositeType(named) ? selectionCost(node.selectionSet, named, sized, seen) : 0;
    return size * (own + children);
  };

  return selectionCost(operation.selectionSet, root, null, new Set());
}

/** The largest slicing argument given (or defaulted), or undefined. */
function sliceOf(spec: ListSize | undefined, args: Record<string, unknown>): number | undefined {
  const given = (spec?.slicingArguments ?? []).map((name) => args[name]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return given.length ? Math.max(0, ...given) : undefined;
}

/** A field's arguments with variables and defaults; an argument that does not coerce is left to validation (counted as absent). */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  if (!node.arguments?.length && field.args.every((a) => a.defaultValue === undefined)) return {};
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return introspectionField(schema, '__schema', '__Schema');
  if (name === '__type') return introspectionField(schema, '__type', '__Type');
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/** __schema and __type are not listed among the query type's fields: their types stand for them. */
function introspectionField(schema: GraphQLSchema, name: string, typeName: string): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(typeName);
  return type ? ({ name, type, args: [] } as unknown as GraphQLField<unknown, unknown>) : undefined;
}

/** The refusal of an operation over the limit (GRAPHQL_VALIDATION_FAILED, HTTP 400), naming both figures. */
export function costRefusal(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Operation cost ${cost} exceeds the limit of ${maxCost} (the objects its answer can hold: a list counts as its "first" argument or its bound): ask for fewer nested lists or smaller pages.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, maxCost } },
  );
}
