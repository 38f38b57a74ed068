import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { envInt } from '@moukawil/kit/core';
import { costLimitRule } from './cost';

/**
 * Limits on one operation, tuned to the real ones (every saved example and the dashboard's
 * queries pass, with room: see gateway/test/limits.test.ts) and to GraphiQL's introspection query,
 * which is the largest legitimate operation (depth 21, cost ≈ 52,000, 184 tokens).
 */
export const LIMITS = {
  /** Nesting of data fields; the introspection meta-fields are exempt (their depth is fixed by the spec's TypeRef fragment; cost bounds them). */
  depth: envInt('LIMIT_DEPTH', 12, 1),
  aliases: envInt('LIMIT_ALIASES', 15, 0),
  directives: envInt('LIMIT_DIRECTIVES', 10, 0),
  tokens: envInt('LIMIT_TOKENS', 1_000, 10),
  /** Fields resolved, lists counted as their `first` argument or LIMIT_LIST_SIZE items (gateway/src/cost.ts). */
  cost: envInt('LIMIT_COST', 60_000, 1),
  listSize: envInt('LIMIT_LIST_SIZE', 10, 1),
  /** Bytes of a request body. */
  bodyBytes: envInt('LIMIT_BODY_BYTES', 64 * 1024, 1024),
};

/** Reports a refusal as a validation error (HTTP 400) that says which limit it hit. */
const refuse = (limit: string) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }));
  }],
});

export function operationLimits(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, ...refuse('depth') },
    maxAliases: { n: LIMITS.aliases, ...refuse('aliases') },
    maxDirectives: { n: LIMITS.directives, ...refuse('directives') },
    maxTokens: { enabled: false }, // armor's throws inside Apollo's parsing hook (a 500): tokenLimit below
    costLimit: { enabled: false }, // ours counts lists (cost.ts)
    blockFieldSuggestion: { enabled: false }, // introspection is public anyway; suggestions help partner developers
  }).protect();
  return { plugins: [...armor.plugins, operationChosen], validationRules: [...armor.validationRules, costLimitRule(LIMITS.cost, LIMITS.listSize)] };
}

/** Query texts already counted and found within the limit (clients repeat theirs): at most 500 of ≤ 10 kB. */
const withinLimit = new Set<string>();

/**
 * Counts the tokens of the query before Apollo parses it, stopping at the limit, so an enormous
 * document costs no more than the limit to refuse (400 GRAPHQL_PARSE_FAILED). A text seen before
 * and accepted is not counted again (lexing it was ≈ 5 % of the gateway's CPU on a small query).
 */
export function tokenLimit(req: Request, res: Response, next: NextFunction): void {
  const query: unknown = req.body?.query;
  if (typeof query !== 'string' || withinLimit.has(query)) return next();
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > LIMITS.tokens) {
        res.status(400).json({ errors: [{ message: `Token limit of ${LIMITS.tokens} exceeded.`, extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens' } }] });
        return;
      }
    }
  } catch {
    /* a syntax error: Apollo's parser reports it properly */
    return next();
  }
  if (query.length <= 10_000) {
    if (withinLimit.size >= 500) withinLimit.clear();
    withinLimit.add(query);
  }
  next();
}

/**
 * An operationName the document does not hold (or several operations and no name) is the
 * caller's mistake: 400 OPERATION_RESOLUTION_FAILURE. Apollo Gateway's executor would throw it
 * as an internal error (a 500).
 */
const operationChosen: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName.slice(0, 100)}".`
          : 'The document holds several operations: say which one to run (operationName).';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};
