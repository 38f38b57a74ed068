import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { GraphQLDataSource } from '@apollo/gateway';
import { loadFederation } from '../src/apollo';

/**
 * The tripwire of gateway/src/apollo.ts, the one file that drives Apollo Federation: what it
 * relies on (the shape of a query plan, the request context the executor reads) is checked here
 * against the committed supergraph, with subgraphs that record what they are asked, so that an
 * upgrade of @apollo/gateway or @apollo/query-planner that changes it fails here first.
 */
describe("the gateway's adapter to Apollo Federation", () => {
  const asked: Array<{ subgraph: string; query: string; context: unknown }> = [];
  const recording = (subgraph: string): GraphQLDataSource => ({
    async process({ request, context }) {
      asked.push({ subgraph, query: request.query ?? '', context });
      if (subgraph === 'regions') return { data: { regions: [{ code: 'MA-09', __typename: 'Region' }] } };
      return { data: { _entities: (request.variables?.representations as unknown[]).map(() => ({ registrationStats: { registered: 7 } })) } };
    },
  });
  const federation = loadFederation(readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'), recording);

  it('tells a query one subgraph answers whole from one that needs a plan', async () => {
    const { directRoute } = await federation;
    expect(directRoute(parse('{ regions { code name } }'), null)).toBe('regions');
    expect(directRoute(parse('query A { nationalStats { registered } } query B { activities { code } }'), 'A')).toBe('registry');
    // The subgraph gets the document as written: another operation it cannot answer sends it through the plan.
    expect(directRoute(parse('query A { nationalStats { registered } } query B { regions { code } }'), 'A')).toBeNull();
    expect(directRoute(parse('{ regions { code registrationStats { registered } } }'), null)).toBeNull();
    expect(directRoute(parse('{ __schema { queryType { name } } regions { code } }'), null)).toBeNull();
    expect(directRoute(parse('mutation { rejectApplication(id: "x", reason: "xyz") { id } }'), null)).toBeNull();
  });

  it('plans a parsed document once, whether asked for its route or its plan, per operation name', async () => {
    const { plan, directRoute } = await federation;
    const document = parse('query A { regions { code registrationStats { registered } } } query B { nationalStats { registered } }');
    expect(directRoute(document, 'A')).toBeNull();
    const a = plan(document, 'A');
    expect(plan(document, 'A')).toBe(a);
    expect(plan(document, 'B')).not.toBe(a);
    expect(plan(parse('query A { regions { code registrationStats { registered } } }'), 'A')).not.toBe(a);
  });

  it('executes a plan with the request context it builds, handing the context to the data sources', async () => {
    const { schema, execute } = await federation;
    expect(schema.getQueryType()?.getFields().regions).toBeDefined();
    const query = '{ regions { code registrationStats { registered } } }';
    const document = parse(query);
    const operation = document.definitions[0] as never;
    asked.length = 0;
    const context = { requestId: 'tripwire' };
    const result = await execute({ query, document, operation, operationName: null, variables: {}, headers: {}, context });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ regions: [{ code: 'MA-09', registrationStats: { registered: 7 } }] });
    expect(asked.map((a) => a.subgraph)).toEqual(['regions', 'registry']);
    expect(asked.every((a) => a.context === context)).toBe(true);
  });
});
