import { boundedCache } from '@moukawil/kit/core';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * When a subgraph fails an entity fetch (`_entities`), Apollo Gateway leaves the fields it asked
 * for missing, and a later fetch that `@requires` them skips those entities altogether: with
 * programs down, every scorecard line (registry figures included) was lost. Answering null for
 * each field asked of each entity says what GraphQL means by an error: "this field failed", and
 * lets the rest of the plan go on (the scorecard's registry actuals still come, its programme
 * actuals are null, status NO_DATA).
 */
type FieldsByType = Map<string | null, string[]>; // null: fields asked whatever the type

/** The fields of each entity fetch's query text: at most 500 texts (the plans' fetches are few). */
const plans = boundedCache<string, { fields: FieldsByType | null }>(500);

function collect(selectionSet: SelectionSetNode, type: string | null, fragments: Map<string, FragmentDefinitionNode>, into: FieldsByType): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      if (name !== '__typename') into.set(type, [...(into.get(type) ?? []), name]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, selection.typeCondition?.name.value ?? type, fragments, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) collect(fragment.selectionSet, fragment.typeCondition.name.value, fragments, into);
    }
  }
}

/** The fields an `_entities` fetch asks of each entity type; null when the operation is not one. */
function fieldsAsked(query: string): FieldsByType | null {
  const known = plans.get(query);
  if (known) return known.fields;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const entities =
    operation?.kind === Kind.OPERATION_DEFINITION
      ? operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities')
      : undefined;
  let fields: FieldsByType | null = null;
  if (entities?.kind === Kind.FIELD && entities.selectionSet) {
    fields = new Map();
    collect(entities.selectionSet, null, fragments, fields);
  }
  plans.set(query, { fields });
  return fields;
}

/** `{ _entities: [...] }` with null for every field asked of each representation; null when the fetch is not an entity fetch. */
export function entitiesWithNullFields(
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
): { _entities: Array<Record<string, unknown>> } | null {
  const representations = variables?.representations;
  if (!query || !Array.isArray(representations)) return null;
  const fields = fieldsAsked(query);
  if (!fields) return null;
  return {
    _entities: representations.map((representation: { __typename?: string }) => {
      const names = [...(fields.get(null) ?? []), ...(fields.get(representation.__typename ?? '') ?? [])];
      return Object.fromEntries([['__typename', representation.__typename], ...names.map((name) => [name, null])]);
    }),
  };
}
