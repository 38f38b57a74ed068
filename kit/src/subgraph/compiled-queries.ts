import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { boundedCache } from '../core/cache';
import { envBool, isProduction } from '../core/config';
import { log } from '../core/log';
import { requestScope, TRACE_HEADER } from '../core/request-scope';

/** What a client gets of a result, in one order (graphql-jit writes errors before data). */
const answerOf = ({ data, errors }: ExecutionResult) => ({ data, errors: errors?.map((e) => e.toJSON()) });

/**
 * A subgraph's operations are executed here, handed to Apollo Server through its executor
 * interface (the one Apollo Gateway uses), so that parsing, validation, plugins, error formatting
 * and HTTP stay Apollo Server's. Queries run by graphql-jit: each operation text compiled once
 * into plain JavaScript that resolves and completes its fields, instead of graphql-js walking the
 * document and the schema for every field of every object; on the national dashboard most of a
 * subgraph's time was that walk (the 273 statuses of the scorecards: about two thousand fields
 * per answer). Mutations, operations graphql-jit cannot compile and variables that do not fit run
 * with graphql-js's execute as Apollo Server runs them, and so do queries whose compiled answer
 * holds an error (they are run again: a query reads, and reads twice alike). A query is compiled
 * on its second use (a one-off text is not worth a compilation, and a caller sending ever new texts
 * must not make the subgraph compile each), and kept per text (at most 500).
 *
 * SUBGRAPH_EXECUTOR_CHECK (tests, never production): each compiled answer is compared with
 * graphql-js's execution of the same query, and a difference is answered as an error, so that
 * the test that sent it fails where it stands. A query that wrote an audit line (a search on
 * personal data) is not run a second time: its line and its lookup budget would count twice; nor
 * is one that counts its SQL statements.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const check = envBool('SUBGRAPH_EXECUTOR_CHECK', false) && !isProduction();
  const compiled = boundedCache<string, { uses: number; query: CompiledQuery | null }>(500);
  // Under the check every query is compiled at once, so that every query of the tests is compared.
  const compileAt = check ? 1 : 2;

  function compiledFor(text: string, operationName: string | null, document: DocumentNode): CompiledQuery | null {
    if (text.length > 10_000) return null;
    const key = `${operationName ?? ''}\n${text}`;
    let entry = compiled.get(key);
    if (!entry) compiled.set(key, (entry = { uses: 0, query: null }));
    entry.uses += 1;
    if (entry.uses === compileAt) {
      const result = compileQuery(schema, document as never, operationName ?? undefined);
      entry.query = isCompiledQuery(result) ? result : null;
    }
    return entry.query;
  }

  const executor: GatewayExecutor = async ({ request, document, operation, source, context }) => {
    // The name the client sent (Apollo Server's own execution does the same): an unknown one is refused.
    const operationName = request.operationName ?? null;
    const variableValues = request.variables ?? {};
    const run = () => execute({ schema, document, contextValue: context, variableValues, operationName });
    // No operation (an unknown operationName) is graphql-js's to refuse, as are variables that do
    // not fit (below: an answer with errors): Apollo Server recognises its errors (BAD_USER_INPUT…).
    if (!operation || operation.operation !== 'query') return run();
    const query = compiledFor(source, operationName, document);
    if (!query) return run();
    const result = await query.query(undefined, context, variableValues);
    // An answer with errors is graphql-js's to give (graphql-jit words some differently, and
    // loses some of their codes), unless the query already wrote its audit line: running a
    // search twice would count it twice against the caller's lookup budget.
    const audited = requestScope.getStore()?.wroteAudit === true;
    if (result.errors?.length && !audited) return run();
    // A request that counts its SQL statements (x-moukawil-trace) counts what production would run: once.
    if (!check || audited || request.http?.headers.get(TRACE_HEADER) === 'sql') return result;
    const reference = await run();
    if (JSON.stringify(answerOf(reference)) === JSON.stringify(answerOf(result))) return result;
    log.error({ compiled: result, reference }, 'graphql-jit and graphql-js answered differently');
    return { errors: [new GraphQLError('graphql-jit and graphql-js answered differently', { extensions: { code: 'EXECUTOR_MISMATCH' } })] };
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
