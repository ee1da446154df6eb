// Domain errors. Each carries the public GraphQL error code it maps to (see formatError).

import type { ErrorCode } from "./model/vocab.js";

export type { ErrorCode };

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
