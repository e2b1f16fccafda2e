/**
 * Turning API errors (and client-side schema checks) into what a form shows: one message
 * per field, tied to its input, and a summary for the top of the form. Pure, so it is tested
 * without a browser.
 */

import type { ClientErrorCode, ErrorCode } from "../../shared/errors.js";

export type { ErrorCode };

/**
 * The API's error body: `{"error": {code, message, fields?, ...}}`. Some errors carry more
 * (e.g. `requestId`, `statusUrl` for `request_exists`; `window` for a closed request window).
 */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly fields: Record<string, string[]> = {},
    /** Any other keys of the server's error object, besides code, message and fields. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Reads an error answer; anything that is not the API's shape still becomes an ApiError. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const e = (body as { error?: unknown } | null)?.error;
  if (e && typeof e === "object" && typeof (e as ApiErrorBody).code === "string" && typeof (e as ApiErrorBody).message === "string") {
    const { code, message, fields, ...details } = e as ApiErrorBody;
    return new ApiError(status, code, message, isFieldMap(fields) ? fields : {}, details);
  }
  if (status === 0) return new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  if (status >= 500) return new ApiError(status, "internal", "Something went wrong on the server. Please try again.");
  return new ApiError(status, "unexpected", `The server answered ${status}.`);
}

function isFieldMap(v: unknown): v is Record<string, string[]> {
  return !!v && typeof v === "object" && Object.values(v).every((m) => Array.isArray(m) && m.every((s) => typeof s === "string"));
}

/** What a form shows after a failed submit. */
export interface FormErrors {
  /** Form-level message (always set when there is any error). */
  summary: string;
  /** Field name → message, only for fields the form actually has. */
  fields: Record<string, string>;
  /** Messages about fields the form does not show (or the whole body); listed in the summary. */
  other: string[];
  code?: ErrorCode | ClientErrorCode;
}

export const noErrors: FormErrors = { summary: "", fields: {}, other: [] };

export function hasErrors(e: FormErrors): boolean {
  return e.summary !== "" || Object.keys(e.fields).length > 0 || e.other.length > 0;
}

/**
 * Maps server field keys onto the form's fields. Keys may be nested ("talks.0.title") or
 * prefixed ("query.from", "params.community"): the first segment that names a known field wins.
 */
export function mapFieldErrors(fields: Record<string, string[]>, known: readonly string[]): Pick<FormErrors, "fields" | "other"> {
  const out: Record<string, string> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const text = messages.filter(Boolean).join(" ");
    if (!text) continue;
    const parts = key.split(".");
    const hit = parts.find((p) => known.includes(p));
    if (hit) out[hit] = out[hit] ? `${out[hit]} ${text}` : text;
    else other.push(key === "body" || key === "" ? text : `${key}: ${text}`);
  }
  return { fields: out, other };
}

/** Any thrown value → what the form shows. */
export function toFormErrors(err: unknown, known: readonly string[] = []): FormErrors {
  if (err instanceof ApiError) {
    const { fields, other } = mapFieldErrors(err.fields, known);
    const n = Object.keys(fields).length;
    const summary = err.code === "validation_failed" && n > 0 ? (n === 1 ? "One field needs attention." : `${n} fields need attention.`) : err.message;
    return { summary, fields, other, code: err.code };
  }
  return { summary: err instanceof Error && err.message ? err.message : "Something went wrong.", fields: {}, other: [] };
}

/** Issues as zod reports them (structural type, so this file does not import zod). */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** Client-side schema check → the same `fields` shape the API sends. */
export function issuesToFields(issues: readonly IssueLike[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "body";
    const list = (fields[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return fields;
}

/** A local validation failure, shaped like the server's. */
export function validationError(issues: readonly IssueLike[]): ApiError {
  const fields = issuesToFields(issues);
  return new ApiError(400, "validation_failed", "Some fields need attention.", fields);
}
