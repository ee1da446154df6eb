// Domain errors, and the closed list of error codes every answer carries (with their HTTP statuses).

/** The error codes of every answer (GraphQL `extensions.code`, HTTP `code`), with their HTTP status. */
export const ERROR_CODES = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  LIMIT_EXCEEDED: 400,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /**
   * @param message what the caller is told: what was expected, what arrived, what to do
   * @param details public fields for `extensions` (a key, an advisory id)
   * @param internal what only logs (and the CLI, which runs beside the database) may show: the
   *   statement's name, the driver's own message
   */
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
    readonly internal?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends DomainError {
  readonly code = "BAD_USER_INPUT" as const;
}
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND" as const;
}
export class ConflictError extends DomainError {
  readonly code = "CONFLICT" as const;
}
export class LimitExceededError extends DomainError {
  readonly code = "LIMIT_EXCEEDED" as const;
}
export class ServiceUnavailableError extends DomainError {
  readonly code = "SERVICE_UNAVAILABLE" as const;
}
export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED" as const;
}
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN" as const;
}
