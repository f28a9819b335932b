import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DatabaseUnavailableError, DomainError } from '../domain/errors.js';

/**
 * The one place errors become GraphQL errors: domain errors keep their code and field; the
 * database being down is DATABASE_UNAVAILABLE; anything else is masked (no stack, no Cypher).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = rootCause(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...(original.field !== undefined ? { field: original.field } : {}), ...(original.details ?? {}) },
    };
  }
  const duplicate = original ? duplicateOf(original) : undefined;
  if (duplicate) return { message: duplicate.message, path: formatted.path, extensions: { code: 'CONFLICT', field: duplicate.field } };
  if (original instanceof DatabaseUnavailableError) {
    return { message: original.message, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  // Errors of the request itself (syntax, validation, limits) are safe and useful to show.
  if (!original && code && code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  if (original && isNeo4jTimeout(original)) {
    return { message: 'The query took too long and was stopped', path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (original && isUnavailable(original)) {
    return { message: 'The database is unavailable; try again shortly.', path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
  }
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  log(original ?? error);
  return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
}

/** The error a resolver threw, beneath GraphQL's and the framework's wrappers. */
function rootCause(error: unknown): unknown {
  let e = error as { originalError?: unknown } | undefined;
  for (let i = 0; i < 5 && e && typeof e === 'object' && 'originalError' in e && e.originalError; i++) e = e.originalError as typeof e;
  return e === error && (error instanceof GraphQLError || (error as { name?: string })?.name === 'GraphQLError') ? undefined : e;
}

/** Keys the platform makes for itself: a clash on one is a fault, not a conflict. */
const INTERNAL_KEYS = /^(AuditEvent|AuditHead|SchemaMigration|Session)$/;

/**
 * Two writers creating the same key at once: both find it free, the first commits and the
 * uniqueness constraint refuses the second. It gets the answer a later writer gets from the
 * existence check: CONFLICT on the key's field (entity and link ids, requirement ids, template
 * versions), not an internal error.
 */
function duplicateOf(e: unknown): { message: string; field: string } | undefined {
  const err = e as { code?: string; message?: string };
  if (err.code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return undefined;
  const m = /already exists with (?:label|type) `([^`]+)` and property `([^`]+)` = (.*)$/m.exec(err.message ?? '');
  if (!m || INTERNAL_KEYS.test(m[1]!)) return undefined;
  const value = m[3]!.trim().replace(/^'(.*)'$/s, '$1');
  return { message: `${value} already exists`, field: m[2]! };
}

/** The database going away shows up under several codes and messages depending on timing. */
function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; retriable?: boolean };
  return /ServiceUnavailable|SessionExpired|TransientError|DatabaseUnavailable/.test(err.code ?? '') ||
    /ECONNREFUSED|ECONNRESET|EPIPE|connection (was )?(closed|lost|refused)|socket|shutting down|Pool is closed|acquire a connection/i.test(err.message ?? '');
}

function isNeo4jTimeout(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /TransactionTimedOut|Terminated|TransactionTimedOutClientConfiguration/.test(code);
}
