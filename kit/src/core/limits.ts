import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { boundedCache } from './cache';
import { envInt } from './config';
import { costRefusal, operationCost, type CostModel } from './cost';

/**
 * Limits on one operation, the same at the gateway and at every subgraph's own port (one door:
 * a caller who reaches a subgraph directly meets them too). Tuned to the real operations: every
 * saved example and the dashboard's queries pass with room, and so does GraphiQL's introspection
 * query, the largest legitimate one (depth 21, cost ≈ 52,000, 184 tokens).
 */
export const LIMITS = {
  /** Nesting of data fields; the introspection meta-fields are exempt (their depth is fixed by the spec's TypeRef fragment; cost bounds them). */
  depth: envInt('LIMIT_DEPTH', 12, 1),
  aliases: envInt('LIMIT_ALIASES', 15, 0),
  directives: envInt('LIMIT_DIRECTIVES', 10, 0),
  tokens: envInt('LIMIT_TOKENS', 1_000, 10),
  /** Objects an answer can hold, by the cost directives (cost.ts), page sizes given literally or as variables alike. */
  cost: envInt('LIMIT_COST', 250_000, 1),
  /** The size of a list without a bound of its own: introspection's only (every list of the graph has one). */
  listSize: envInt('LIMIT_LIST_SIZE', 10, 1),
  /** Bytes of a request body. */
  bodyBytes: envInt('LIMIT_BODY_BYTES', 64 * 1024, 1024),
};

/** Reports a refusal as a validation error (HTTP 400) that says which limit it hit. */
const refuse = (limit: string) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }));
    },
  ],
});

/**
 * The validation rules of the limits, beside GraphQL's own (graphql-armor's). The cost is not a
 * validation rule: it depends on the variables (page sizes), so it is checked once they are
 * coerced, before anything runs (overCost).
 */
export const LIMIT_RULES: readonly ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: true, ...refuse('depth') }),
  maxAliasesRule({ n: LIMITS.aliases, ...refuse('aliases') }),
  maxDirectivesRule({ n: LIMITS.directives, ...refuse('directives') }),
];

/** The refusal of an operation that costs more than the limit with these (coerced) variables, or null. */
export function overCost(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const cost = operationCost(schema, model, document, operation, variables);
  return cost > LIMITS.cost ? costRefusal(cost, LIMITS.cost) : null;
}

/** Parses with the token limit: an enormous document costs no more than the limit to refuse. */
export function parseWithinLimit(query: string): DocumentNode {
  try {
    return parse(query, { maxTokens: LIMITS.tokens });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
      throw new GraphQLError(`Token limit of ${LIMITS.tokens} exceeded.`, { extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens' } });
    }
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
}

export type Checked = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/**
 * A query text parsed and validated against `schema` with the limits, or its errors (each with
 * its code). Texts are checked once: clients repeat theirs, and the answer depends only on the
 * text and the schema.
 */
export function checkedDocuments(schema: GraphQLSchema): (query: string) => Checked {
  const checked = boundedCache<string, Checked>(1_000);
  return (query) => {
    const known = checked.get(query);
    if (known) return known;
    let result: Checked;
    try {
      const document = parseWithinLimit(query);
      const errors = validate(schema, document, [...specifiedRules, ...LIMIT_RULES]);
      result =
        errors.length > 0
          ? {
              errors: errors.map((e) =>
                e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
              ),
            }
          : { document };
    } catch (error) {
      result = { errors: [error as GraphQLError] };
    }
    if (query.length <= 10_000) checked.set(query, result); // bounded memory: at most ≈ 10 MB of text
    return result;
  };
}
