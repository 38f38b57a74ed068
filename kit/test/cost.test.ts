import { buildSchema, getOperationAST, parse } from 'graphql';
import { costModel, operationCost } from '../src/core/cost';

/** The cost directives specification as the kit reads it (a unit test: no stack). */
const SDL = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
  type Query {
    regions: [Region!]! @listSize(assumedSize: 12)
    people(first: Int = 50, after: String): PersonConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"], assumedSize: 50, requireOneSlicingArgument: false)
    tags: [String!]!
    unbounded: [Region!]!
    expensive: Region @cost(weight: 40)
    _entities(representations: [String!]!): [Region]!
  }
  type Mutation { rename(code: ID!): Region }
  type Region { code: ID! people(first: Int): [Person!]! @listSize(slicingArguments: ["first"], assumedSize: 100, requireOneSlicingArgument: false) capital: Town }
  type Town { name: String }
  type Person { name: String region: Region }
  type PersonConnection { edges: [PersonEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type PersonEdge { node: Person! cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
`;
const schema = buildSchema(SDL);
const model = costModel(SDL, 10);
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, model, document, getOperationAST(document)!, variables);
};

describe('operationCost', () => {
  it('counts objects: 1 each, scalars and enums nothing', () => {
    expect(cost('{ regions { code } }')).toBe(12);
    expect(cost('{ regions { code capital { name } } }')).toBe(12 * 2);
    expect(cost('{ tags }')).toBe(0);
  });

  it('sizes a connection by its first argument, literal, variable or default, carried to its edges', () => {
    const page = 'edges { node { name region { code } } } pageInfo { hasNextPage }';
    const expected = (n: number) => 1 + n * (1 + 1 + 1) + 1;
    expect(cost(`{ people(first: 7) { ${page} } }`)).toBe(expected(7));
    expect(cost(`query($n: Int) { people(first: $n) { ${page} } }`, { n: 300 })).toBe(expected(300));
    expect(cost(`{ people { ${page} } }`)).toBe(expected(50));
    expect(cost(`query($n: Int) { people(first: $n) { ${page} } }`, { n: null })).toBe(expected(50));
    expect(cost(`{ people(first: 3) { totalCount } }`)).toBe(1);
  });

  it('sizes a list by its slicing argument, else its assumed size, else the default', () => {
    expect(cost('query($n: Int) { regions { people(first: $n) { name } } }', { n: 4 })).toBe(12 * (1 + 4));
    expect(cost('{ regions { people { name } } }')).toBe(12 * (1 + 100));
    expect(cost('{ unbounded { code } }')).toBe(10);
  });

  it('multiplies nested lists, through fragments and inline fragments alike', () => {
    const nested = 12 * (1 + 100 * (1 + 1));
    expect(cost('{ regions { people { region { code } } } }')).toBe(nested);
    expect(cost('{ regions { ...P } } fragment P on Region { people { ...Q } } fragment Q on Person { region { code } }')).toBe(nested);
    expect(cost('{ regions { ... on Region { people { region { code } } } } }')).toBe(nested);
  });

  it('costs a fragment bomb once per fragment (2^39 objects, counted without expanding them)', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) =>
        `fragment F${i} on Region { code ${i < 39 ? `capital { name } a: people(first: 1) { region { ...F${i + 1} } } b: people(first: 1) { region { ...F${i + 1} } }` : ''} }`,
    );
    expect(cost(`{ regions { ...F0 } } ${fragments.join(' ')}`)).toBeGreaterThan(2 ** 39);
  });

  it('weighs @cost fields, a mutation 10 more, and an entity fetch by its representations', () => {
    expect(cost('{ expensive { code } }')).toBe(40);
    expect(cost('mutation { rename(code: "MA-09") { code } }')).toBe(11);
    expect(cost('query($r: [String!]!) { _entities(representations: $r) { capital { name } } }', { r: ['a', 'b', 'c'] })).toBe(3 * 2);
  });
});
