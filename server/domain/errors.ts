/** Errors a user can act on: a stable code and, where one is at fault, the field. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'LIMIT_EXCEEDED'
  | 'QUERY_REFUSED'
  | 'DATABASE_UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string) => new DomainError('VALIDATION', message, field);
export const notFound = (what: string, id: string, field = 'id') =>
  new DomainError('NOT_FOUND', `${what} ${JSON.stringify(id)} was not found`, field);
export const forbidden = (message = 'You are not allowed to do that') => new DomainError('FORBIDDEN', message);

/** The database cannot be reached (or lost the connection): the API answers 503 and recovers by itself. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}
