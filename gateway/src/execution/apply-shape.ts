import {
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { RawJson } from './raw-json';
import type { FieldType, Shape } from './shape';

/** What shaping found wrong (a null where the schema promises a value, a value of the wrong type). */
export type ShapeErrors = GraphQLError[];

const BUBBLE = Symbol('null bubbles up');
const INVALID = Symbol('null where the schema forbids one');

/** The client's answer from the merged data: only what it asked, in its order, nulls bubbled as the schema says. */
export function applyShape(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  shape: Shape,
  input: Record<string, unknown>,
  variables: Record<string, unknown>,
): { data: Record<string, unknown> | null; errors: ShapeErrors } {
  const errors: ShapeErrors = [];
  const path: Array<string | number> = [];
  const types = typesOf(schema);

  const describe = (type: FieldType, parent: GraphQLNamedType) => {
    const last = path[path.length - 1];
    return typeof last === 'string' ? `field ${parent.name}.${last}` : `array element of type ${type.name} at index ${last}`;
  };

  function selectInto(input: Record<string, unknown>, selections: Shape, output: Record<string, unknown>, parent: GraphQLCompositeType): typeof BUBBLE | void {
    for (const selection of selections) {
      if (selection.skipped?.(variables)) continue;
      if (selection.kind === 'fragment') {
        const typename = input.__typename as string | undefined;
        if (!applies(selection.typeCondition, typename, parent)) continue;
        if (selectInto(input, selection.selections, output, selection.typeCondition ?? parent) === BUBBLE) return BUBBLE;
        continue;
      }
      const name = selection.responseName;
      const existing = Object.hasOwn(output, name) ? output[name] : undefined;
      let value: unknown = Object.hasOwn(input, name) ? (input[name] ?? null) : null;
      if (selection.typename) {
        if (existing === undefined) {
          if (value === null && name !== '__typename') value = input.__typename ?? null;
          const type = typeof value === 'string' ? (schema.getType(value) ?? parent) : parent;
          if (!types.object.has(type.name)) return BUBBLE;
          output[name] = type.name;
        }
        continue;
      }
      if (value instanceof RawJson) {
        // The subgraph's text is the answer when it was selected as the client selects it.
        if (existing === undefined && value.answers(selection.signature)) {
          output[name] = value;
          continue;
        }
        value = value.parse();
      }
      path.push(name);
      const updated = complete(existing, selection.type, value, selection.selections, parent);
      output[name] = updated === INVALID ? null : updated;
      path.pop();
      if (updated === INVALID) return BUBBLE;
    }
  }

  function applies(condition: GraphQLCompositeType | null, typename: string | undefined, parent: GraphQLCompositeType): boolean {
    if (!condition) return true;
    const type = typename ? schema.getType(typename) : parent;
    return !!type && isTypeOf(schema, type, condition);
  }

  // Set by every complete(): the value it just completed had errors (Apollo's hasErrors). A flag
  // rather than a result object per value: shaping allocates only the answer it builds.
  let failed = false;

  /** One value of the answer: the input's, checked against its type; INVALID is a null the parent must take. */
  function complete(existing: unknown, type: FieldType, value: unknown, selections: Shape | null, parent: GraphQLCompositeType): unknown {
    failed = false;
    if (existing === null || (existing !== undefined && !selections)) return existing;
    if (type.kind === 'nonNull') {
      const inner = complete(existing, type.of, value, selections, parent);
      if (inner !== null) return ((failed = false), inner);
      if (!failed) errors.push(invalidGraphQL(`Cannot return null for non-nullable ${describe(type.of, parent)}.`, path));
      failed = true;
      return INVALID;
    }
    if (value === null) return null;
    if (type.kind === 'list') {
      const list = value as unknown[];
      const outputs = (existing as unknown[] | undefined) ?? new Array(list.length).fill(undefined);
      let nullify = false;
      let anyFailed = false;
      for (let index = 0; index < outputs.length; index++) {
        path.push(index);
        const item = complete(outputs[index], type.of, list[index], selections, parent);
        path.pop();
        anyFailed ||= failed;
        if (item === INVALID) nullify = true;
        outputs[index] = item === INVALID ? null : item;
      }
      failed = anyFailed;
      return nullify ? null : outputs;
    }
    if (type.kind === 'composite') {
      const object = value as Record<string, unknown>;
      const typename = object.__typename as string | undefined;
      let objectType = schema.getType(type.name) as GraphQLCompositeType;
      if (typename) {
        if (!types.composite.has(typename)) {
          errors.push(invalidGraphQL(`Invalid __typename found for object at ${describe(type, parent)}.`, path));
          failed = true;
          return null;
        }
        objectType = schema.getType(typename) as GraphQLCompositeType;
      }
      const output = (existing as Record<string, unknown> | undefined) ?? {};
      const bubbled = selectInto(object, selections!, output, objectType) === BUBBLE;
      failed = bubbled;
      return bubbled ? null : output;
    }
    const valid = type.valid(value);
    if (!valid) errors.push(invalidGraphQL(`Invalid value found for ${describe(type, parent)}.`, path));
    failed = !valid;
    return valid ? value : null;
  }

  // Plain objects, not Object.create(null) as Apollo's: V8 keeps those as dictionaries, slower to fill and to serialise.
  const data: Record<string, unknown> = {};
  return { data: selectInto(input, shape, data, root) === BUBBLE ? null : data, errors };
}

/** A type meets a fragment's type condition: it is that type, or a member or implementation of it. */
export function isTypeOf(schema: GraphQLSchema, type: GraphQLNamedType, condition: GraphQLNamedType): boolean {
  if (type === condition) return true;
  return isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}

const typeNames = new WeakMap<GraphQLSchema, { object: Set<string>; composite: Set<string> }>();

/** The schema's object and composite types by name, read once (see FieldType on graphql-js's predicates). */
function typesOf(schema: GraphQLSchema): { object: Set<string>; composite: Set<string> } {
  let names = typeNames.get(schema);
  if (!names) {
    const all = Object.values(schema.getTypeMap());
    names = { object: new Set(all.filter(isObjectType).map((t) => t.name)), composite: new Set(all.filter(isCompositeType).map((t) => t.name)) };
    typeNames.set(schema, names);
  }
  return names;
}

function invalidGraphQL(message: string, path: Array<string | number>): GraphQLError {
  return new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } });
}
