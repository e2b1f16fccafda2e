import { ERROR_STATUS, type ConflictCode, type ErrorCode } from "../../shared/errors.js";
import { msg, type Text } from "../../shared/i18n/catalogue.js";
import { translator } from "../../shared/i18n/catalogues.js";

/**
 * Domain errors carry a code from the shared catalogue (src/shared/errors.ts), which also
 * gives their HTTP status; the one error handler in http/errors.ts turns them into
 * `{"error": {code, message, fields?}}`. The message and the field messages are catalogue
 * messages (`msg("events.errors.slugTaken", { slug })`), rendered in the locale of the request
 * that meets them; `Error.message` is their English, for logs and tests. Plain strings are
 * still accepted and passed through as they are, for areas not yet translated.
 */
export type FieldErrors = Record<string, Text[]>;

const english = translator("en");

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** The message to render per request; `message` is its English. */
    readonly text: Text,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(english.text(text));
    this.status = ERROR_STATUS[code];
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: Text, fields?: FieldErrors) {
    super("validation_failed", message, fields);
  }
}
/** A mailed link (a token) that cannot be used: unknown, used, expired, or for something else. */
export class InvalidLinkError extends DomainError {
  constructor(message: Text, fields?: FieldErrors) {
    super("invalid_link", message, fields);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message: Text = msg("errors.unauthenticated")) {
    super("unauthenticated", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message: Text = msg("errors.forbidden")) {
    super("forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  /** `what`: the message ("There is no event at this address."); a plain noun phrase is the untranslated form "<what> was not found.". */
  constructor(what: Text = msg("errors.notFound")) {
    super("not_found", typeof what === "string" ? `${what} was not found.` : what);
  }
}
export class ConflictError extends DomainError {
  constructor(code: ConflictCode, message: Text, fields?: FieldErrors, details?: Record<string, unknown>) {
    super(code, message, fields, details);
  }
}
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", msg("errors.rateLimited", { seconds: retryAfterSeconds }));
  }
}
