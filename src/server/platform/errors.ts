import { ERROR_STATUS, type ConflictCode, type ErrorCode } from "../../shared/errors.js";

/**
 * Domain errors carry a code from the shared catalogue (src/shared/errors.ts), which also
 * gives their HTTP status; the one error handler in http/errors.ts turns them into
 * `{"error": {code, message, fields?}}`.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldErrors) {
    super("validation_failed", message, fields);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in to do this.") {
    super("unauthenticated", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not_found", `${what} was not found.`);
  }
}
export class ConflictError extends DomainError {
  constructor(code: ConflictCode, message: string, fields?: FieldErrors, details?: Record<string, unknown>) {
    super(code, message, fields, details);
  }
}
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}
