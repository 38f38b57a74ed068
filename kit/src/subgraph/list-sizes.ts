import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, Kind, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { DEFAULT_PAGE } from './pagination';

/**
 * The bound of every list a subgraph answers, as the cost directives say it (core/cost.ts): a
 * connection's page is its `first` argument, carried to its `edges`; a list with a `first` of its
 * own is that many; every other list of objects needs its bound here, by coordinate
 * ("Region.provinces": 13), taken from the domain (12 regions, the provinces of the largest
 * region, the 200 advisors a workshop may train…), or the subgraph does not build. A bound that
 * holds makes the cost an upper bound of what an answer can hold.
 */
export type ListBounds = Record<string, number>;

const PAGED = `@listSize(slicingArguments: ["first"], sizedFields: ["edges"], assumedSize: ${DEFAULT_PAGE}, requireOneSlicingArgument: false)`;
const sliced = (assumed: number | undefined) =>
  `@listSize(slicingArguments: ["first"]${assumed ? `, assumedSize: ${assumed}` : ''}, requireOneSlicingArgument: false)`;

/** `sdl` (the subgraph's types, as printed) with a `@listSize` on every list of objects and every connection. */
export function withListSizes(schema: GraphQLSchema, sdl: string, bounds: ListBounds): string {
  const document = parse(sdl);
  const external = externalFields(document); // another subgraph's fields, bounded there
  const directives = new Map<string, string>();
  const unbounded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (external.has(coordinate)) continue;
      const named = getNamedType(field.type);
      const paged = field.args.some((a) => a.name === 'first');
      if (paged && named.name.endsWith('Connection')) directives.set(coordinate, PAGED);
      else if (!isListType(getNullableType(field.type)) || !isCompositeType(named)) continue;
      else if (type.name.endsWith('Connection') && field.name === 'edges')
        continue; // sized by the field that returns the page
      else if (paged) directives.set(coordinate, sliced(bounds[coordinate]));
      else if (bounds[coordinate]) directives.set(coordinate, `@listSize(assumedSize: ${bounds[coordinate]})`);
      else unbounded.push(coordinate);
    }
  }
  if (unbounded.length) throw new Error(`Lists without a bound (give each one in the subgraph's list-sizes.ts): ${unbounded.join(', ')}`);
  const stale = Object.keys(bounds).filter((c) => !directives.has(c));
  if (stale.length) throw new Error(`Bounds of lists this subgraph does not have: ${stale.join(', ')}`);
  return print(annotate(document, directives));
}

function externalFields(document: DocumentNode): Set<string> {
  const found = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((d) => d.name.value === 'external')) found.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return found;
}

function annotate(document: DocumentNode, directives: Map<string, string>): DocumentNode {
  const directiveNode = (text: string) =>
    (parse(`type T { f: Int ${text} }`).definitions[0] as unknown as { fields: Array<{ directives: unknown[] }> }).fields[0].directives[0];
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) return definition;
      return {
        ...definition,
        fields: definition.fields?.map((field) => {
          const text = directives.get(`${definition.name.value}.${field.name.value}`);
          return text ? { ...field, directives: [...(field.directives ?? []), directiveNode(text) as never] } : field;
        }),
      };
    }),
  };
}
