import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { log } from './log';

/** A refusal of the access rules (docs/access.md). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'DEADLINE_EXCEEDED',
  'ANSWER_TOO_LARGE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  'CONFLICT',
]);

// SQLSTATE 22021 / 22P05: text PostgreSQL cannot store (a NUL byte, an invalid sequence): the caller's input.
const NOT_STORABLE = /^(22021|22P05)$/;
/** query_canceled: a statement stopped by its statement timeout (request-deadline.ts). */
const CANCELLED = '57014';

// Connection refused or lost, server shutting down or starting (SQLSTATE classes 08 and 57P).
const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|08\d{3}|57P0[1-3])$/;

/** Is this the database being down or restarting, rather than a fault of the request? */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = error as { name?: unknown; code?: unknown; message?: unknown; driverError?: { code?: unknown } } | null;
  const code = String(seen?.driverError?.code ?? seen?.code ?? '');
  // TypeORM releases a transaction's connection when the server drops it; its next query says so.
  if (seen?.name === 'QueryRunnerAlreadyReleasedError' || seen?.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  return (
    UNREACHABLE.test(code) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|terminating connection/i.test(String(seen?.message ?? ''))
  );
}

/** Messages quote the caller's input ("… is not a region code"): 50 kB sent must not come back 50 kB. */
const MESSAGE_MAX = 300;
const bounded = (message: string) => (message.length > MESSAGE_MAX ? `${message.slice(0, MESSAGE_MAX - 1)}…` : message);

/**
 * Errors we raise on purpose go out as they are (their message at most 300 characters); the database being unreachable is
 * SERVICE_UNAVAILABLE (retry; the same Idempotency-Key makes retrying a write safe); anything
 * else (a SQL error, a bug) is logged with its detail and reaches the client as a bare INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: bounded(formatted.message), extensions };
  }
  // A resolver's own exception, under the GraphQLError that graphql-js wrapped around it.
  const original = error instanceof GraphQLError && error.path && error.originalError ? error.originalError : error;
  if (NOT_STORABLE.test(String((original as { driverError?: { code?: unknown } })?.driverError?.code ?? ''))) {
    return {
      message: 'The text sent holds characters that cannot be stored (e.g. a NUL byte).',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (String((original as { driverError?: { code?: unknown } })?.driverError?.code ?? '') === CANCELLED) {
    log.warn({ path: formatted.path }, 'statement stopped: past its time');
    return {
      message: 'This request was stopped: one of its statements ran past its time. Ask for less (smaller pages, fewer nested lists) or retry.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'DEADLINE_EXCEEDED' },
    };
  }
  if (isDatabaseUnavailable(original)) {
    log.warn({ err: original, path: formatted.path }, 'database unavailable');
    return {
      message: 'The database is unavailable for a moment: retry shortly (with the same Idempotency-Key for a write).',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  log.error({ err: original, path: formatted.path }, 'unexpected error');
  return { message: 'Internal error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
