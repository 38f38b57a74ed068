import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromAST,
  GraphQLBoolean,
  GraphQLString,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { RawJson, selectionSignature } from './raw-json';

/**
 * The client's operation compiled once into what result shaping needs: per selection its response
 * name, its type and its skip/include condition, named fragments spread in. Shaping then walks the
 * merged subgraph data with it, as Apollo Gateway's computeResponse does (resultShaping.ts of
 * @apollo/gateway): the same output order, the same null bubbling, the same errors, without
 * asking a schema model for every field of every object.
 */
export type Shape = Selection[];

type Condition = ((variables: Record<string, unknown>) => boolean) | null;

/**
 * A field's type, read once from the schema: graphql-js's type predicates cost an `instanceof`
 * check of several realms per call outside production, which per value of a large answer was the
 * shaping's main cost.
 */
type FieldType =
  | { kind: 'nonNull'; of: FieldType; name: string }
  | { kind: 'list'; of: FieldType; name: string }
  | { kind: 'composite'; name: string }
  | { kind: 'leaf'; name: string; valid: (value: unknown) => boolean };

type Selection =
  | {
      kind: 'field';
      responseName: string;
      typename: boolean;
      type: FieldType;
      selections: Shape | null;
      skipped: Condition;
      /** The selection's signature when the subgraph's text can stand for its answer (raw-json.ts). */
      signature: string | null;
    }
  | { kind: 'fragment'; typeCondition: GraphQLCompositeType | null; selections: Shape; skipped: Condition };

/** An operation that shaping cannot take (introspection): Apollo's executor runs it. */
export class Unsupported extends Error {}

export function compileShape(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  hiddenEnums: ReadonlySet<string> = new Set(),
): Shape {
  /** Response names selected more than once on one object (fragments included): their answers merge, so none is copied as text. */
  const repeated = (set: SelectionSetNode): Set<string> => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    const collect = (selections: SelectionSetNode['selections']): void =>
      selections.forEach((node) => {
        if (node.kind === Kind.FIELD) {
          const name = node.alias?.value ?? node.name.value;
          if (seen.has(name)) twice.add(name);
          seen.add(name);
        } else collect((node.kind === Kind.FRAGMENT_SPREAD ? fragments.get(node.name.value)?.selectionSet.selections : node.selectionSet.selections) ?? []);
      });
    collect(set.selections);
    return twice;
  };
  const compile = (set: SelectionSetNode, parent: GraphQLCompositeType, twice = repeated(set)): Shape =>
    set.selections.map((node): Selection => {
      const skipped = conditionOf(node.directives);
      if (node.kind === Kind.FIELD) {
        const name = node.name.value;
        const responseName = node.alias?.value ?? name;
        if (name === '__typename')
          return { kind: 'field', responseName, typename: true, type: fieldType(GraphQLString), selections: null, skipped, signature: null };
        if (name.startsWith('__')) throw new Unsupported(`introspection (${name})`);
        const type = 'getFields' in parent ? parent.getFields()[name]?.type : undefined;
        if (!type) throw new Unsupported(`${parent.name}.${name}`);
        const named = getNamedType(type);
        const selections = node.selectionSet && isCompositeType(named) ? compile(node.selectionSet, named) : null;
        const copyable = selections && !skipped && !twice.has(responseName) && !showsHiddenEnum(selections, hiddenEnums);
        return {
          kind: 'field',
          responseName,
          typename: false,
          type: fieldType(type),
          selections,
          skipped,
          signature: copyable ? selectionSignature(node.selectionSet!) : null,
        };
      }
      const definition = node.kind === Kind.FRAGMENT_SPREAD ? fragments.get(node.name.value) : node;
      if (!definition) throw new Unsupported(`fragment ${node.kind === Kind.FRAGMENT_SPREAD ? node.name.value : ''}`);
      const condition = definition.typeCondition ? schema.getType(definition.typeCondition.name.value) : null;
      if (condition !== null && !isCompositeType(condition)) throw new Unsupported('fragment type');
      return { kind: 'fragment', typeCondition: condition ?? null, selections: compile(definition.selectionSet, condition ?? parent, twice), skipped };
    });
  return compile(operation.selectionSet, root);
}

/** A selection reaches an enum whose values the API schema partly hides: shaping must check each value. */
function showsHiddenEnum(shape: Shape, hiddenEnums: ReadonlySet<string>): boolean {
  const leaf = (type: FieldType): string => (type.kind === 'nonNull' || type.kind === 'list' ? leaf(type.of) : type.name);
  return shape.some((selection) =>
    selection.kind === 'fragment'
      ? showsHiddenEnum(selection.selections, hiddenEnums)
      : hiddenEnums.has(leaf(selection.type)) || (selection.selections !== null && showsHiddenEnum(selection.selections, hiddenEnums)),
  );
}

/** @skip(if:) and @include(if:), read against the variables (their defaults first) of each request. */
function conditionOf(directives: readonly DirectiveNode[] | undefined): Condition {
  const tests = (directives ?? []).flatMap((directive) => {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') return [];
    const value = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    if (!value) return [];
    const read = (variables: Record<string, unknown>) =>
      value.kind === Kind.VARIABLE ? variables[value.name.value] === true : valueFromAST(value, GraphQLBoolean) === true;
    return [name === 'skip' ? read : (variables: Record<string, unknown>) => !read(variables)];
  });
  return tests.length === 0 ? null : (variables) => tests.some((test) => test(variables));
}

/** What shaping found wrong (a null where the schema promises a value, a value of the wrong type). */
export type ShapeErrors = GraphQLError[];

const BUBBLE = Symbol('null bubbles up');
const INVALID = Symbol('null where the schema forbids one');
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const BUILT_IN = new Set(['Boolean', 'Int', 'Float', 'String', 'ID']);

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
        if (existing === undefined && selection.signature !== null && selection.signature === value.signature) {
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

function fieldType(type: GraphQLOutputType): FieldType {
  if (isNonNullType(type)) return { kind: 'nonNull', of: fieldType(type.ofType), name: String(type) };
  if (isListType(type)) return { kind: 'list', of: fieldType(type.ofType), name: String(type) };
  if (isCompositeType(type)) return { kind: 'composite', name: type.name };
  return { kind: 'leaf', name: type.name, valid: leafCheck(type) };
}

/** The leaf check of Apollo's isValidLeafValue: built-in scalars by JSON type, enums by their values, custom scalars as they come. */
function leafCheck(type: GraphQLNamedType): (value: unknown) => boolean {
  const name = type.name;
  if (isEnumType(type)) {
    const values = new Set(type.getValues().map((value) => value.name));
    return (value) => typeof value === 'string' && values.has(value);
  }
  if (!BUILT_IN.has(name)) return () => true;
  return (value) => {
    if (typeof value === 'boolean') return name === 'Boolean';
    if (typeof value === 'number' && Number.isFinite(value)) return name === 'Int' || name === 'ID' ? INTEGER.test(String(value)) : name === 'Float';
    if (typeof value === 'string') return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
    return false;
  };
}

function invalidGraphQL(message: string, path: Array<string | number>): GraphQLError {
  return new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } });
}
