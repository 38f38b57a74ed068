import { createServer, type Server } from 'node:http';
import { SubgraphFetches } from '../src/execution/fetch';
import { SubgraphLink } from '../src/subgraph-link';
import { freePort } from '../../test/ports';

// The kit's token module loads jose, an ES module jest cannot load; no token is checked here.
jest.mock('jose', () => ({ errors: {} }));

/**
 * Fetches to one subgraph merged into one request (execution/merge.ts) by the data source: what
 * goes out, and how the answer comes back to each fetch, as if each had gone alone. A subgraph of
 * this test's own answers what it is told to.
 */
const ENTITIES = {
  query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Region{registrationStats{registered}}}}',
  variables: {
    representations: [
      { __typename: 'Region', code: 'MA-01' },
      { __typename: 'Region', code: 'MA-02' },
    ],
  },
  operationName: undefined,
};
const NATIONAL = { query: '{nationalStats{registered}}', variables: {}, operationName: undefined };

let server: Server;
let port: number;
let received: Array<{ query: string; variables: Record<string, unknown> }> = [];
let respond: (body: { query: string; variables: Record<string, any> }) => unknown;

beforeAll(async () => {
  port = await freePort();
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text);
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(respond(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (received = []));

const registry = () => new SubgraphFetches(new SubgraphLink('registry', `http://127.0.0.1:${port}/graphql`));

describe('fetches merged into one subgraph call', () => {
  it('go as one request, and each gets its own data and the errors under its fields', async () => {
    respond = ({ variables }) => ({
      data: { m0__entities: [{ registrationStats: { registered: 5 } }, { registrationStats: null }], m1_nationalStats: { registered: 700 } },
      errors: [{ message: 'no figures', path: ['m0__entities', 1, 'registrationStats'], extensions: { code: 'NOT_FOUND' } }],
      extensions: { seen: Object.keys(variables) },
    });
    const [entities, national] = await Promise.all(registry().all([ENTITIES, NATIONAL], {}));
    expect(received).toHaveLength(1);
    expect(received[0].query).toMatch(/m0__entities:_entities\(representations:\$m0_representations\).*m1_nationalStats:nationalStats/);
    expect(received[0].variables).toEqual({ m0_representations: ENTITIES.variables.representations });
    expect(entities).toEqual({
      data: { _entities: [{ registrationStats: { registered: 5 } }, { registrationStats: null }] },
      errors: [{ message: 'no figures', path: ['_entities', 1, 'registrationStats'], extensions: { code: 'NOT_FOUND' } }],
      extensions: { seen: ['m0_representations'] },
    });
    expect(national).toEqual({ data: { nationalStats: { registered: 700 } } });
  });

  it('are asked again one by one when the merged answer has no data, so that one failure does not empty the other', async () => {
    respond = ({ query }) =>
      query.includes('m1_')
        ? { data: null, errors: [{ message: 'national figures failed', path: ['m1_nationalStats'] }] }
        : query.includes('_entities')
          ? { data: { _entities: [{ registrationStats: { registered: 5 } }, { registrationStats: { registered: 6 } }] } }
          : { data: null, errors: [{ message: 'national figures failed', path: ['nationalStats'] }] };
    const [entities, national] = await Promise.all(registry().all([ENTITIES, NATIONAL], {}));
    expect(received.map((r) => r.query)).toEqual([expect.stringContaining('m1_'), ENTITIES.query, NATIONAL.query]);
    expect(entities.data).toEqual({ _entities: [{ registrationStats: { registered: 5 } }, { registrationStats: { registered: 6 } }] });
    expect(national).toEqual({ data: null, errors: [{ message: 'national figures failed', path: ['nationalStats'] }] });
  });

  it('each fail as they would alone when the subgraph does not answer: null fields for the entities, an error for the rest', async () => {
    const silent = new SubgraphFetches(new SubgraphLink('registry', `http://127.0.0.1:${await freePort()}/graphql`));
    const [entities, national] = await Promise.allSettled(silent.all([ENTITIES, NATIONAL], {}));
    expect(entities).toMatchObject({
      status: 'fulfilled',
      value: {
        data: {
          _entities: [
            { __typename: 'Region', registrationStats: null },
            { __typename: 'Region', registrationStats: null },
          ],
        },
      },
    });
    expect(national).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } } });
  });

  it('are not merged when one is not a plain query: a mutation goes alone', async () => {
    respond = ({ query }) => (query.startsWith('mutation') ? { data: { noop: true } } : { data: { nationalStats: { registered: 1 } } });
    const mutation = { query: 'mutation{noop}', variables: {}, operationName: undefined };
    const answers = await Promise.all(registry().all([NATIONAL, mutation], {}));
    expect(received).toHaveLength(2);
    expect(answers).toEqual([{ data: { nationalStats: { registered: 1 } } }, { data: { noop: true } }]);
  });
});
