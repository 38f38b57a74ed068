import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import { loadFederation, type Federation } from '../src/apollo';
import { executePlan } from '../src/execution/execute';
import { preparePlan } from '../src/execution/prepare';
import { parseAnswer, RawJson, stringifyAnswer } from '../src/execution/raw-json';

/**
 * The gateway's executor against Apollo Gateway's, on subgraph answers made to go wrong: errors
 * on some entities, a subgraph that fails, nulls where the schema forbids them, values of the
 * wrong type, an unknown __typename, aliases, fragments and @skip/@include. Both executors get the
 * same answers; their bodies must be equal byte for byte. (Every request of the rest of the suite
 * is compared the same way as it runs: GATEWAY_EXECUTOR_CHECK, execution/check.ts.)
 */
type Answer = (request: { query?: string; variables?: Record<string, any> }) => GatewayGraphQLResponse;
let answers: Record<string, Answer> = {};
/** The calls the gateway's executor made, and how many fetches each carried. */
let calls: Array<{ service: string; fetches: number }> = [];
/** The subtrees of subgraph answers that reached the gateway's executor as text (raw-json.ts). */
let texts = 0;
let federation: Federation;

// Subgraphs answer under the client's aliases (label, share, first), as the plan's fetches ask.
const regions = [
  { __typename: 'Region', code: 'MA-01', label: 'Tanger-Tétouan-Al Hoceïma', isPilot: true },
  { __typename: 'Region', code: 'MA-02', label: "L'Oriental", isPilot: false },
  { __typename: 'Region', code: 'MA-03', label: 'Fès-Meknès', isPilot: false },
];
const stats = (code: string) => ({ registrationStats: { applications: Number(code.slice(-1)) * 10, registered: 7, share: 0.25 } });
const programmes = { programmes: [{ code: 'P1', kind: 'HONOUR_LOAN' }], first: [{ name: 'Intelaka' }] };

/** The default answers: every subgraph answers what it is asked, well. */
const WELL: Record<string, Answer> = {
  regions: () => ({ data: { regions } }),
  registry: ({ variables }) => ({ data: { _entities: variables!.representations.map((r: { code: string }) => stats(r.code)) } }),
  programs: ({ variables }) => ({ data: { _entities: variables!.representations.map(() => programmes) } }),
};

beforeAll(async () => {
  const sdl = readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
  const fake = (name: string): GraphQLDataSource => ({ process: async ({ request }) => structuredClone(answers[name](request)) });
  federation = await loadFederation(sdl, fake);
});

/** A result as JSON, errors as graphql-js writes them (the gateway's formatting after it is the same for both). */
const responseBody = (result: { errors?: readonly unknown[]; data?: unknown; extensions?: unknown }) =>
  stringifyAnswer({
    ...(result.errors?.length ? { errors: result.errors.map((e) => (e instanceof GraphQLError ? e.toJSON() : e)) } : {}),
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.extensions ? { extensions: result.extensions } : {}),
  });

async function bothExecutors(query: string, variables: Record<string, unknown> = {}) {
  calls = [];
  texts = 0;
  const document = parse(query);
  const operation = getOperationAST(document, null)!;
  const prepared = preparePlan(federation.schema, federation.supergraphSchema, federation.plan(document, null), document, operation);
  expect(prepared).not.toBeNull();
  // Our executor gets each answer as the datasource gives it: read from its text, some subtrees kept as text.
  const call = (service: string, requests: readonly { query: string; variables: Record<string, unknown>; raw?: Map<string, string> }[]) => {
    calls.push({ service, fetches: requests.length });
    return requests.map(async (request) => {
      const answer = parseAnswer(JSON.stringify(answers[service](request)), request.raw && new Map([['_entities', request.raw]])) as GatewayGraphQLResponse;
      for (const entity of (answer.data?._entities as Array<Record<string, unknown>> | undefined) ?? []) {
        texts += Object.values(entity ?? {}).filter((value) => value instanceof RawJson).length;
      }
      return answer;
    });
  };
  const ours = responseBody(await executePlan(prepared!, variables, {}, call));
  const apollo = responseBody(await federation.execute({ query, document, operation, operationName: null, variables, headers: {}, context: {} }));
  return { ours, apollo, parsed: JSON.parse(ours) };
}

const QUERY = `query($withStats: Boolean = true, $noName: Boolean!) {
  regions {
    code
    label: name @skip(if: $noName)
    kind: __typename
    ... on Region { isPilot registrationStats @include(if: $withStats) { applications registered share: womenShare } }
    ...Programmes
  }
}
fragment Programmes on Region { programmes { code kind } first: programmes { name } }`;

describe("the gateway's executor answers as Apollo Gateway's", () => {
  beforeEach(() => (answers = { ...WELL }));

  it('when every subgraph answers well, with aliases, fragments and @skip/@include', async () => {
    for (const variables of [{ noName: false }, { noName: true, withStats: false }]) {
      const { ours, apollo, parsed } = await bothExecutors(QUERY, variables);
      expect(ours).toBe(apollo);
      expect(parsed.errors).toBeUndefined();
    }
    const { parsed } = await bothExecutors(QUERY, { noName: false });
    expect(parsed.data.regions[1]).toEqual({
      code: 'MA-02',
      label: "L'Oriental",
      kind: 'Region',
      isPilot: false,
      registrationStats: { applications: 20, registered: 7, share: 0.25 },
      programmes: [{ code: 'P1', kind: 'HONOUR_LOAN' }],
      first: [{ name: 'Intelaka' }],
    });
  });

  it('when a subgraph answers errors on some entities (their paths become the entities’ paths)', async () => {
    answers.registry = ({ variables }) => ({
      data: { _entities: variables!.representations.map((r: { code: string }, i: number) => (i === 1 ? null : stats(r.code))) },
      errors: [{ message: 'no figures for MA-02', path: ['_entities', 1, 'registrationStats'], extensions: { code: 'NOT_FOUND' } }],
    });
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(ours).toBe(apollo);
    expect(parsed.errors[0]).toMatchObject({ path: ['regions', 1, 'registrationStats'], extensions: { code: 'NOT_FOUND', serviceName: 'registry' } });
    expect(parsed.data.regions[1].registrationStats).toBeNull();
  });

  it('when a subgraph fails outright, or answers an error with no code', async () => {
    answers.programs = () => {
      throw new GraphQLError('The programs subgraph is unavailable', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    };
    answers.registry = () => ({ data: null, errors: [{ message: 'boom' }] });
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(ours).toBe(apollo);
    expect(parsed.errors.map((e: { extensions: { code: string } }) => e.extensions.code).sort()).toEqual(['DOWNSTREAM_SERVICE_ERROR', 'SUBGRAPH_UNAVAILABLE']);
    expect(parsed.data.regions[0]).toMatchObject({ code: 'MA-01', programmes: null, registrationStats: null });
  });

  it('when a subgraph breaks the schema: a null that must not be, a wrong value, an unknown __typename', async () => {
    answers.regions = () => ({
      data: {
        regions: [
          { ...regions[0], label: null },
          { ...regions[1], isPilot: 'yes' },
          { ...regions[2], __typename: 'Nowhere' },
        ],
      },
    });
    answers.programs = ({ variables }) => ({
      data: { _entities: variables!.representations.map(() => ({ programmes: [{ code: 'P9', kind: 'NOT_A_KIND' }], first: [{ name: null }] })) },
    });
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(ours).toBe(apollo);
    // With no fetch error, what shaping found goes in extensions.valueCompletion, as Apollo Gateway does.
    expect(parsed.extensions.valueCompletion.length).toBeGreaterThan(2);
    // regions is [Region!]!: a region that must be null takes the list, and the list the whole answer.
    expect(parsed.data).toBeNull();
  });

  it('when the list itself is missing, and when nothing at all is fetched', async () => {
    answers.regions = () => ({ data: { regions: null } });
    expect((await bothExecutors(QUERY, { noName: false })).ours).toBe((await bothExecutors(QUERY, { noName: false })).apollo);
    const bare = await bothExecutors('{ __typename alias: __typename }');
    expect(bare.ours).toBe(bare.apollo);
    expect(bare.parsed.data).toEqual({ __typename: 'Query', alias: 'Query' });
  });
});

describe('fetches of different branches to one subgraph, in one call (execution/waves.ts)', () => {
  // Two branches call the registry: the regions' figures after the regions, and the national figures.
  const BRANCHES = `{ regions { code registrationStats { applications } } nationalStats { applications registered } }`;
  const national = { nationalStats: { applications: 1000, registered: 700 } };
  beforeEach(() => {
    answers = { ...WELL, registry: (request) => (request.query!.includes('nationalStats') ? { data: national } : WELL.registry(request)) };
  });

  it('answer as Apollo Gateway does, with one registry call where Apollo makes two', async () => {
    const { ours, apollo, parsed } = await bothExecutors(BRANCHES);
    expect(ours).toBe(apollo);
    expect(parsed.data.nationalStats).toEqual({ applications: 1000, registered: 700 });
    expect(parsed.data.regions[2].registrationStats).toEqual({ applications: 30 });
    expect(calls).toEqual([
      { service: 'regions', fetches: 1 },
      { service: 'registry', fetches: 2 },
    ]);
  });

  it('answer as Apollo Gateway does when one of the fetches fails and the other does not', async () => {
    answers.registry = (request) =>
      request.query!.includes('nationalStats')
        ? { data: null, errors: [{ message: 'no national figures', path: ['nationalStats'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }
        : WELL.registry(request);
    const { ours, apollo, parsed } = await bothExecutors(BRANCHES);
    expect(ours).toBe(apollo);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.data).toBeNull(); // nationalStats is non-null: its failure takes the answer, as with Apollo's plan
  });

  it('leave plans with conditions as Apollo planned them', async () => {
    const conditional = `query($stats: Boolean!) { regions { code registrationStats @include(if: $stats) { applications } } nationalStats { applications } }`;
    const { ours, apollo } = await bothExecutors(conditional, { stats: true });
    expect(ours).toBe(apollo);
    expect(calls.filter((c) => c.service === 'registry')).toEqual([
      { service: 'registry', fetches: 1 },
      { service: 'registry', fetches: 1 },
    ]);
  });
});

describe('subtrees of answers passed on as the text they came in (execution/raw-json.ts)', () => {
  // Lists long enough to be kept as text, with strings that JSON escapes.
  const many = Array.from({ length: 12 }, (_, i) => ({ code: `P${i}`, kind: 'HONOUR_LOAN', name: `Prêt d'honneur "${i}" \\ مقاولتي` }));
  const project = (selection: Record<string, string>) =>
    many.map((p) => Object.fromEntries(Object.entries(selection).map(([alias, field]) => [alias, p[field as keyof typeof p]])));
  beforeEach(() => {
    answers = {
      ...WELL,
      programs: ({ variables }) => ({
        data: { _entities: variables!.representations.map(() => ({ programmes: project({ code: 'code', kind: 'kind' }), first: project({ name: 'name' }) })) },
      }),
    };
  });

  it('when the client selects them as the fetch does: as text, the same answer', async () => {
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(ours).toBe(apollo);
    expect(texts).toBe(6); // programmes and first, for each of the 3 regions
    expect(parsed.data.regions[2].first[3]).toEqual({ name: many[3].name });
  });

  it('when the client selects the same field twice (fragments): parsed and shaped, the same answer', async () => {
    answers.programs = ({ variables }) => ({
      data: { _entities: variables!.representations.map(() => ({ programmes: project({ code: 'code', kind: 'kind' }) })) },
    });
    const { ours, apollo, parsed } = await bothExecutors(`{ regions { code programmes { code } ... on Region { programmes { kind } } } }`);
    expect(ours).toBe(apollo);
    expect(texts).toBe(3);
    expect(parsed.data.regions[0].programmes[1]).toEqual({ code: 'P1', kind: 'HONOUR_LOAN' });
  });

  it('when the answer has errors: parsed and shaped, the same answer', async () => {
    answers.programs = ({ variables }) => ({
      data: {
        _entities: variables!.representations.map((_: unknown, i: number) => ({
          programmes: project({ code: 'code', kind: 'kind' }),
          first: i === 0 ? null : [],
        })),
      },
      errors: [{ message: 'no first programme', path: ['_entities', 0, 'first'], extensions: { code: 'NOT_FOUND' } }],
    });
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(ours).toBe(apollo);
    expect(texts).toBe(0);
    expect(parsed.errors[0]).toMatchObject({ path: ['regions', 0, 'first'], extensions: { code: 'NOT_FOUND' } });
  });

  it("trust the subgraph's own schema inside the text: a subgraph that breaks it is passed on as it answered", async () => {
    // graphql-js (and graphql-jit, held to it by SUBGRAPH_EXECUTOR_CHECK) never answers outside the
    // subgraph's schema, and composition makes the supergraph's types at least as loose. A subgraph
    // that broke its own schema anyway would reach the client unchecked, where Apollo's executor
    // nulls the value and reports it in extensions.valueCompletion.
    answers.programs = ({ variables }) => ({
      data: {
        _entities: variables!.representations.map(() => ({
          programmes: [...project({ code: 'code', kind: 'kind' }), { code: null, kind: 'NOT_A_KIND' }],
          first: [],
        })),
      },
    });
    const { ours, apollo, parsed } = await bothExecutors(QUERY, { noName: false });
    expect(JSON.parse(apollo).extensions.valueCompletion).toHaveLength(3);
    expect(parsed.extensions).toBeUndefined();
    expect(parsed.data.regions[0].programmes[12]).toEqual({ code: null, kind: 'NOT_A_KIND' });
    expect(texts).toBe(3);
    expect(ours).not.toBe(apollo);
  });

  it("the national dashboard's statuses go as text: the plan keeps them and the client's selection is the fetch's", () => {
    const query = '{ scorecards(year: 2020) { scope statuses { indicator { code name } target actual progress status } } }';
    const document = parse(query);
    const prepared = preparePlan(federation.schema, federation.supergraphSchema, federation.plan(document, null), document, getOperationAST(document, null)!)!;
    const kept = [...prepared.raw.values()].find((fields) => fields.has('statuses'));
    const scorecards = prepared.shape.find((s) => s.kind === 'field' && s.responseName === 'scorecards');
    const statuses = scorecards?.kind === 'field' ? scorecards.selections?.find((s) => s.kind === 'field' && s.responseName === 'statuses') : undefined;
    expect(kept?.get('statuses')).toBe('indicator{code,name},target,actual,progress,status');
    expect(statuses?.kind === 'field' && statuses.signature).toBe(kept?.get('statuses'));
  });
});
