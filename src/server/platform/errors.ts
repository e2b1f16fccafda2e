/**
 * Domain errors carry their HTTP status and a stable code; the one error handler in
 * http/errors.ts turns them into `{"error": {code, message, fields?}}`.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldErrors) {
    super(400, "validation_failed", message, fields);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in to do this.") {
    super(401, "unauthenticated", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super(403, "forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, "not_found", `${what} was not found.`);
  }
}
export class ConflictError extends DomainError {
  constructor(code: string, message: string, fields?: FieldErrors, details?: Record<string, unknown>) {
    super(409, code, message, fields, details);
  }
}
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}
