import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * The cost of an operation, counted the way it is paid: every field costs 1 for each object it is
 * resolved on, and a list multiplies what is under it by its size — the literal `first` when given,
 * else a default. So `regions { programmes { regions { programmes … } } }` grows as fast as its answer
 * (structure-only counters miss that). Introspection counts like any other selection.
 */
export function operationCost(
  context: ValidationContext,
  selections: SelectionSetNode,
  parent: GraphQLCompositeType,
  multiplier: number,
  listSize: number,
  seen = new Set<string>(),
  fragmentCosts = new Map<string, number>(),
): number {
  let cost = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      const field = fieldOf(context, parent, selection.name.value);
      cost += multiplier;
      if (!field || !selection.selectionSet) continue;
      const type = getNullableType(field.type);
      const first = selection.arguments?.find((a) => a.name.value === 'first')?.value;
      const size = isListType(type) ? (first?.kind === Kind.INT ? Number(first.value) : listSize) : 1;
      const named = getNamedType(field.type);
      if (isCompositeType(named)) cost += operationCost(context, selection.selectionSet, named, multiplier * size, listSize, seen, fragmentCosts);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition)) cost += operationCost(context, selection.selectionSet, condition, multiplier, listSize, seen, fragmentCosts);
    } else {
      const name = selection.name.value;
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      if (!fragment || seen.has(name)) continue; // unknown or recursive fragments are other rules' business
      // A fragment costs the same wherever it is spread, times the multiplier there: counted once, so
      // that fragments spreading others twice over (a "fragment bomb") cost linear time to count.
      let unit = fragmentCosts.get(name);
      if (unit === undefined) {
        const condition = context.getSchema().getType(fragment.typeCondition.name.value);
        unit =
          condition && isCompositeType(condition)
            ? operationCost(context, fragment.selectionSet, condition, 1, listSize, new Set([...seen, name]), fragmentCosts)
            : 0;
        fragmentCosts.set(name, unit);
      }
      cost += unit * multiplier;
    }
  }
  return cost;
}

function fieldOf(context: ValidationContext, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  const schema = context.getSchema();
  if (name === '__schema') return schema.getQueryType()?.getFields().__schema ?? introspectionField(context, '__Schema');
  if (name === '__type') return introspectionField(context, '__Type');
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/** __schema and __type are not listed among the query type's fields: their types stand for them. */
function introspectionField(context: ValidationContext, typeName: string): GraphQLField<unknown, unknown> | undefined {
  const type = context.getSchema().getType(typeName);
  return type ? ({ name: typeName, type } as unknown as GraphQLField<unknown, unknown>) : undefined;
}

/** Refuses operations that cost more than maxCost (GRAPHQL_VALIDATION_FAILED, HTTP 400), naming both figures. */
export function costLimitRule(maxCost: number, listSize: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'mutation'
          ? context.getSchema().getMutationType()
          : operation.operation === 'subscription'
            ? context.getSchema().getSubscriptionType()
            : context.getSchema().getQueryType();
      if (!root) return;
      const cost = operationCost(context, operation.selectionSet, root, 1, listSize);
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `Operation cost ${cost} exceeds the limit of ${maxCost} (a list counts as its "first" argument, or ${listSize} items): ask for fewer nested lists or smaller pages.`,
            { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, maxCost } },
          ),
        );
      }
    },
  });
}
