import { createServer, request as forward, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isAbstractType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { costModel, operationCost } from '../../kit/src/core/cost';
import { LIMITS } from '../../kit/src/core/limits';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { codes, gql, ok, url, type ServiceName } from '../../test/support';

/**
 * Demand control by the cost directives: for operations generated over the whole schema (every
 * list field, reached from the root with one more level under it, and every list that leads back
 * to itself nested as deep as the depth limit allows), the estimate is at least the number of
 * objects the answer holds, and an operation over the limit is refused before any subgraph is called.
 */
const SDL = readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
const schema = Supergraph.build(SDL).apiSchema().toGraphQLJSSchema();
const model = costModel(SDL, LIMITS.listSize);
const estimate = (query: string, variables: Record<string, unknown>) => {
  const document = parse(query);
  return operationCost(schema, model, document, getOperationAST(document)!, variables);
};

/** Arguments for the fields that need them; page sizes as a variable. */
const samples: Record<string, string> = { year: '2019', includeRetired: 'true', includeCancelled: 'true' };
let ids: Record<string, string> = {};
function argumentsOf(field: GraphQLField<unknown, unknown>): string | null {
  const given: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') given.push('first: $first');
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
      const value = samples[arg.name] ?? ids[`${field.name}.${arg.name}`];
      if (value === undefined) return null; // a field the generator does not call (personalDataOf)
      given.push(`${arg.name}: ${value}`);
    }
  }
  return given.length ? `(${given.join(', ')})` : '';
}

/** One step into a field: its selection around what is inside (a connection goes through edges and node). */
interface Step {
  text: (inner: string) => string;
  type: GraphQLCompositeType;
}
function stepInto(field: GraphQLField<unknown, unknown>): Step | null {
  const args = argumentsOf(field);
  const named = getNamedType(field.type);
  if (args === null || !isCompositeType(named)) return null;
  if (isObjectType(named) && named.name.endsWith('Connection') && 'edges' in named.getFields()) {
    const node = getNamedType((getNamedType(named.getFields().edges.type) as GraphQLObjectType).getFields().node.type) as GraphQLCompositeType;
    return { text: (inner) => `${field.name}${args} { __typename edges { __typename node { ${inner} } } }`, type: node };
  }
  return { text: (inner) => `${field.name}${args} { ${inner} }`, type: named };
}
const fieldsOf = (type: GraphQLCompositeType) => ('getFields' in type ? Object.values(type.getFields()) : []);
const isList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));

/** Every composite field one level under a type, each with only __typename. */
const oneLevelUnder = (type: GraphQLCompositeType) =>
  ['__typename', ...fieldsOf(type).flatMap((f) => (stepInto(f) ? [stepInto(f)!.text('__typename')] : []))].join(' ');

function generated(): string[] {
  // The shortest way from the root to every type.
  const paths = new Map<string, Step[]>();
  const queue: Array<[GraphQLCompositeType, Step[]]> = [[schema.getQueryType()!, []]];
  while (queue.length) {
    const [type, path] = queue.shift()!;
    if (paths.has(type.name)) continue;
    paths.set(type.name, path);
    for (const field of fieldsOf(type)) {
      const step = stepInto(field);
      if (step && !paths.has(step.type.name) && path.length < 4) queue.push([step.type, [...path, step]]);
    }
  }
  const wrap = (path: Step[], inner: string) => path.reduceRight((text, step) => step.text(text), inner);
  const operations: string[] = [];
  for (const [typeName, path] of paths) {
    const type = schema.getType(typeName) as GraphQLCompositeType;
    for (const field of fieldsOf(type).filter(isList)) {
      const step = stepInto(field);
      if (!step) continue;
      operations.push(wrap(path, step.text('__typename')), wrap(path, step.text(oneLevelUnder(step.type))));
      // A list that leads back to its own type nests as deep as the depth limit allows.
      for (const back of fieldsOf(step.type)) {
        const returning = stepInto(back);
        if (!returning || returning.type.name !== typeName) continue;
        for (let times = 2; (path.length + 2 * times) * 2 <= LIMITS.depth; times++) {
          let inner = '__typename';
          for (let i = 0; i < times; i++) inner = step.text(returning.text(inner));
          operations.push(wrap(path, inner));
        }
      }
    }
  }
  return [...new Set(operations)].map((selection) => `query Generated${selection.includes('$first') ? '($first: Int)' : ''} { ${selection} }`);
}

/** The objects an answer holds (the data object itself aside). */
function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + objectsIn(v), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + objectsIn(v), 0);
  return 0;
}

/** A proxy in front of each subgraph that counts the requests reaching it. */
async function countingProxy(service: ServiceName): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const target = new URL(url(service));
  const server = createServer((req, res) => {
    hits++;
    const upstream = forward({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}/graphql`, hits: () => hits };
}

describe('demand control', () => {
  let operations: string[];
  beforeAll(async () => {
    const found = ok(await gql(`{ programmes { code } autoEntrepreneurs(region: "MA-06", first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' }));
    ids = {
      'region.code': '"MA-06"',
      'programme.code': JSON.stringify(found.programmes[0].code),
      'indicator.code': '"AE_REGISTRATIONS"',
      'autoEntrepreneur.id': JSON.stringify(found.autoEntrepreneurs.edges[0].node.id),
    };
    operations = generated();
  });

  it('generates operations over every list of the schema a query reaches', () => {
    // The types a query can reach (a mutation's own answer, e.g. an import batch's refusals, is costed when it is sent).
    const fromQuery = new Set<string>();
    const visit = (name: string) => {
      const type = schema.getType(name);
      if (fromQuery.has(name)) return;
      if (isAbstractType(type)) return schema.getPossibleTypes(type).forEach((member) => visit(member.name));
      if (!isObjectType(type)) return;
      fromQuery.add(name);
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type).name);
    };
    visit('Query');
    const lists = Object.values(schema.getTypeMap()).flatMap((t) =>
      isObjectType(t) && !t.name.startsWith('__') && fromQuery.has(t.name)
        ? Object.values(t.getFields())
            .filter((f) => isList(f) && !t.name.endsWith('Connection'))
            .map((f) => `${t.name}.${f.name}`)
        : [],
    );
    const reached = lists.filter((coordinate) => operations.some((op) => op.includes(`${coordinate.split('.')[1]}`)));
    expect(lists.filter((c) => !reached.includes(c))).toEqual([]);
    expect(operations.length).toBeGreaterThan(lists.length);
  });

  it('estimates at least the objects of every answer it admits, page sizes given as variables', async () => {
    // The largest page each operation is admitted with, of 500 and 5.
    const admitted = operations.flatMap((query) =>
      [500, 5]
        .filter((first) => estimate(query, { first }) <= LIMITS.cost)
        .slice(0, 1)
        .map((first) => ({ query, first })),
    );
    expect(admitted.length).toBeGreaterThan(40);
    const under: string[] = [];
    for (let i = 0; i < admitted.length; i += 4) {
      await Promise.all(
        admitted.slice(i, i + 4).map(async ({ query, first }) => {
          const answer = await gql(query, { as: 'NATIONAL', variables: { first } });
          expect([query, answer.status]).toEqual([query, 200]);
          const held = objectsIn(answer.data) - 1; // the data object is not in the estimate
          if (estimate(query, { first }) < held) under.push(`${query} (first ${first}): ${estimate(query, { first })} < ${held}`);
        }),
      );
    }
    expect(under).toEqual([]);
  });

  describe('on a gateway of its own, whose subgraph calls are counted', () => {
    let gateway: ExtraGateway;
    let proxies: Array<Awaited<ReturnType<typeof countingProxy>>>;
    beforeAll(async () => {
      proxies = await Promise.all((['regions', 'registry', 'programs', 'indicators'] as const).map(countingProxy));
      const [regions, registry, programs, indicators] = proxies.map((p) => p.url);
      gateway = await startGateway(await freePort(), {
        REGIONS_URL: regions,
        REGISTRY_URL: registry,
        PROGRAMS_URL: programs,
        INDICATORS_URL: indicators,
        RATE_LIMIT_PER_MINUTE: '0',
        CACHE_TTL_SECONDS: '0',
      });
    });
    afterAll(async () => {
      await gateway?.stop();
      proxies?.forEach((p) => p.server.close());
    });

    it('refuses every operation over the limit before any subgraph is called', async () => {
      const refused = operations.filter((op) => estimate(op, { first: 500 }) > LIMITS.cost);
      expect(refused.length).toBeGreaterThan(10);
      const before = proxies.map((p) => p.hits());
      for (const query of refused) {
        const answer = await gql(query, { as: 'NATIONAL', origin: gateway.origin, variables: { first: 500 } });
        expect([query, answer.status, codes(answer), answer.errors?.[0]?.extensions?.limit]).toEqual([query, 400, ['GRAPHQL_VALIDATION_FAILED'], 'cost']);
      }
      expect(proxies.map((p) => p.hits())).toEqual(before);
    });

    it('counts a page size given as a variable as it counts one written in the query', async () => {
      const paged = `query($first: Int) { autoEntrepreneurs(first: $first) { edges { node { id declarations { id } again: declarations { id } history { id } } } } }`;
      const literal = paged.replace('query($first: Int)', '').replace('$first', '500');
      for (const [query, variables] of [
        [paged, { first: 500 }],
        [literal, {}],
      ] as const) {
        const answer = await gql(query, { as: 'NATIONAL', origin: gateway.origin, variables });
        expect([answer.status, answer.errors?.[0]?.extensions?.cost]).toEqual([400, estimate(query, variables)]);
      }
      expect((await gql(paged, { as: 'NATIONAL', origin: gateway.origin, variables: { first: 2 } })).status).toBe(200);
    });

    it('refuses the nested lists that held the programs subgraph for 20 s, anonymous or not', async () => {
      const stall = `{ advisors { workshop { trained { workshop { trained { workshop { trained { id } } } } } } } }`;
      const before = proxies.map((p) => p.hits());
      for (const as of [undefined, 'NATIONAL'] as const) {
        const answer = await gql(stall, { as, origin: gateway.origin });
        expect([answer.status, answer.errors?.[0]?.extensions?.limit]).toEqual([400, 'cost']);
      }
      expect(proxies.map((p) => p.hits())).toEqual(before);
    });
  });
});
