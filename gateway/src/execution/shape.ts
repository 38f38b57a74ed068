import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
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
import { selectionSignature } from './raw-json';

/**
 * The client's operation compiled once into what result shaping needs: per selection its response
 * name, its type and its skip/include condition, named fragments spread in. Shaping
 * (apply-shape.ts) then walks the merged subgraph data with it, as Apollo Gateway's
 * computeResponse does (resultShaping.ts of @apollo/gateway): the same output order, the same
 * null bubbling, the same errors, without asking a schema model for every field of every object.
 */
export type Shape = Selection[];

type Condition = ((variables: Record<string, unknown>) => boolean) | null;

/**
 * A field's type, read once from the schema: graphql-js's type predicates cost an `instanceof`
 * check of several realms per call outside production, which per value of a large answer was the
 * shaping's main cost.
 */
export type FieldType =
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

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const BUILT_IN = new Set(['Boolean', 'Int', 'Float', 'String', 'ID']);

/** An operation that shaping cannot take (introspection): Apollo's executor runs it. */
export class Unsupported extends Error {}

export function compileShape(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  hiddenEnums: ReadonlySet<string>,
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
