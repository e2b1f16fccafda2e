/**
 * Turning API errors (and client-side schema checks) into what a form shows: one message
 * per field, tied to its input, and a summary for the top of the form, in the page's
 * language (the server already answers in it). Pure apart from that, so it is tested without
 * a browser.
 */

import type { ClientErrorCode, ErrorCode } from "../../shared/errors.js";
import { issueMessage, type IssueLike } from "../../shared/i18n/zod.js";
import { knows, t, text } from "./i18n.js";

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
  if (status === 0) return new ApiError(0, "network", t("errors.client.network"));
  if (status >= 500) return new ApiError(status, "internal", t("errors.client.server"));
  return new ApiError(status, "unexpected", t("errors.client.unexpected", { status }));
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
    else other.push(key === "body" || key === "" ? text : t("errors.form.fieldMessage", { field: key, message: text }));
  }
  return { fields: out, other };
}

/** Any thrown value → what the form shows. */
export function toFormErrors(err: unknown, known: readonly string[] = []): FormErrors {
  if (err instanceof ApiError) {
    const { fields, other } = mapFieldErrors(err.fields, known);
    const n = Object.keys(fields).length;
    const summary = err.code === "validation_failed" && n > 0 ? t("errors.form.fieldsNeedAttention", { count: n }) : err.message;
    return { summary, fields, other, code: err.code };
  }
  return { summary: err instanceof Error && err.message ? err.message : t("errors.client.failed"), fields: {}, other: [] };
}

export type { IssueLike } from "../../shared/i18n/zod.js";

/** Client-side schema check → the same `fields` shape the API sends, in the page's language. */
export function issuesToFields(issues: readonly IssueLike[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "body";
    const message = text(issueMessage(issue, knows));
    const list = (fields[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return fields;
}

/** A local validation failure, shaped like the server's. */
export function validationError(issues: readonly IssueLike[]): ApiError {
  return new ApiError(400, "validation_failed", t("errors.form.someFields"), issuesToFields(issues));
}
