/**
 * Pure helpers for the registration pages: money in minor units (integer math only), state
 * wording (catalogue ids), chart geometry, pasted lists. Tested in logic.test.ts without a browser.
 */
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { INTL_TAG } from "../../../shared/i18n/format.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import type { Budget, RequestState, StipendState, Summary } from "./types.js";

/** How many minor-unit digits a currency has (USD 2, JPY 0, BHD 3); 2 when unknown. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The mark between whole units and decimals in a locale: "." in English, "," in German. */
export function decimalMark(locale: Locale): "." | "," {
  return new Intl.NumberFormat(INTL_TAG[locale]).formatToParts(1.5).find((p) => p.type === "decimal")?.value === "," ? "," : ".";
}

/**
 * "15.00" → 1500 for a two-digit currency, read as a string: never through floating point.
 * Accepts "15", "15.5", "1,500.00", " 15 "; refuses signs, letters, more decimals than the
 * currency has, and amounts past 15 digits. Returns null when unreadable. Where the decimal
 * mark is a comma ("1.500,50"), points group thousands, except a lone point before one or two
 * digits ("250.00"): nobody groups digits in twos, so that one is read as a decimal point.
 */
export function parseMajor(input: string, digits: number, mark: "." | "," = "."): number | null {
  let s = input.trim().replace(/[\s_\u00a0\u202f]/g, "");
  if (mark === "," && (s.includes(",") || !/^\d*\.\d{1,2}$/.test(s))) s = s.replace(/\./g, "").replace(",", ".");
  else if (mark === ".") s = s.replace(/,/g, "");
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return null;
  const [whole = "", frac = ""] = s.split(".");
  if (frac.length > digits) return null;
  const digitsStr = `${whole || "0"}${frac.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  if (digitsStr.length > 15) return null;
  return Number.parseInt(digitsStr, 10);
}

/** 1500 → "15.00" (the value for an input field; "15,00" with a comma mark), by integer division. */
export function minorToMajorString(minor: number, digits: number, mark: "." | "," = "."): string {
  const neg = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${neg ? "-" : ""}${abs}`;
  const s = String(abs).padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, -digits)}${mark}${s.slice(-digits)}`;
}

/**
 * 1500, "USD" → "USD 15.00" in English, "15,00 USD" in German: the currency's code, so that
 * amounts in several currencies never look alike. The decimal goes to Intl as a string, so
 * no binary fraction rounds a cent.
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  const major = minorToMajorString(minor, digits);
  try {
    return new Intl.NumberFormat(INTL_TAG[locale], { style: "currency", currency, currencyDisplay: "code", minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(major as unknown as number)
      .replace(/[\u00a0\u202f]/g, " ");
  } catch {
    return `${currency} ${major}`;
  }
}

const STATES: readonly RequestState[] = ["unverified", "requested", "invited", "waitlisted", "declined", "confirmed", "expired", "withdrawn", "cancelled"];
// `as const` keeps each id's literal type, so a state without its message is a type error where it is shown.
export const STATE_LABEL = Object.fromEntries(STATES.map((s) => [s, `registration.state.${s}` as const])) as { [S in RequestState]: `registration.state.${S}` };

/** What each state means for the applicant, in plain words. */
export const STATE_EXPLANATION = Object.fromEntries(STATES.map((s) => [s, `registration.stateExplained.${s}` as const])) as { [S in RequestState]: `registration.stateExplained.${S}` };

export const STATE_TONE: Record<RequestState, "ok" | "warn" | "info" | "muted"> = {
  unverified: "warn",
  requested: "info",
  invited: "ok",
  waitlisted: "warn",
  declined: "muted",
  confirmed: "ok",
  expired: "muted",
  withdrawn: "muted",
  cancelled: "muted",
};

/** The queue's filter chips, in the order of a request's life. */
export const QUEUE_STATES: readonly RequestState[] = ["requested", "invited", "waitlisted", "confirmed", "declined", "expired", "withdrawn", "cancelled", "unverified"];

const STIPEND_STATES: readonly StipendState[] = ["submitted", "information_needed", "offered", "accepted", "declined", "reimbursed", "withdrawn", "rejected"];
export const STIPEND_LABEL = Object.fromEntries(STIPEND_STATES.map((s) => [s, `registration.stipendState.${s}` as const])) as { [S in StipendState]: `registration.stipendState.${S}` };

export interface FunnelStep {
  key: keyof Summary["funnel"];
  label: MessageId;
  value: number;
  /** Share of the first step, 0–100, whole percent. */
  percent: number;
}

/** The funnel's bars: each step as a share of those who requested. */
export function funnelSteps(f: Summary["funnel"]): FunnelStep[] {
  const steps: FunnelStep["key"][] = ["requested", "invited", "confirmed", "checkedIn"];
  const top = Math.max(f.requested, f.invited, f.confirmed, f.checkedIn, 0);
  return steps.map((key) => ({ key, label: `registration.funnel.${key}` as const, value: f[key], percent: top === 0 ? 0 : Math.round((f[key] * 100) / top) }));
}

export interface BudgetSegment {
  key: "reimbursed" | "accepted" | "offered" | "left";
  label: MessageId;
  value: number;
  /** Width in percent of the total, 0–100 (the parts add up to at most 100). */
  percent: number;
}

/**
 * The budget bar's parts. The API reports offered, accepted and reimbursed as separate sums
 * (an accepted offer is no longer "offered"); anything past the total (never, by the API's
 * guarantee) is clipped so the picture stays inside its frame.
 */
export function budgetSegments(b: Budget): BudgetSegment[] {
  const parts: [BudgetSegment["key"], number][] = [
    ["reimbursed", b.reimbursed],
    ["accepted", b.accepted],
    ["offered", b.offered],
    ["left", Math.max(0, b.left)],
  ];
  const total = Math.max(b.total, b.reimbursed + b.accepted + b.offered + Math.max(0, b.left));
  let used = 0;
  return parts.map(([key, value]) => {
    const raw = total === 0 ? 0 : (value * 100) / total;
    const percent = Math.max(0, Math.min(raw, 100 - used));
    used += percent;
    return { key, label: `registration.budget.${key}` as const, value, percent: Math.round(percent * 10) / 10 };
  });
}

/** Pasted addresses (commas, semicolons, spaces, new lines) → unique, lower-cased, in order. */
export function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const e = part.trim().replace(/^<|>$/g, "").toLowerCase();
    if (e && e.includes("@")) seen.add(e);
  }
  return [...seen];
}

/** The holidays textarea: one YYYY-MM-DD per line (commas also work), sorted, unique. */
export function parseHolidays(text: string): { dates: string[]; bad: string[] } {
  const dates = new Set<string>();
  const bad: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const t = part.trim();
    if (!t) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(t) && new Date(`${t}T00:00:00Z`).toISOString().startsWith(t)) dates.add(t);
    else bad.push(t);
  }
  return { dates: [...dates].sort(), bad };
}

/** "Page 2 of 7" arithmetic. */
export function pageInfo(total: number, limit: number, offset: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  return { page, pages, from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + limit) };
}

/** The path (with query) of an absolute status link the API returns, so the app can route to it. */
export function localPath(url: string): string {
  try {
    const u = new URL(url, "http://x");
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** Which mail a decision sends, for the preview. */
export const DECISION_TEMPLATE = { invite: "registration.invited", waitlist: "registration.waitlisted", decline: "registration.declined", cancel: "registration.cancelled" } as const;

/** The server names extra answers' errors "extra.<id>"; the request form's fields are "extra-<id>". */
export function extraFieldNames(fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.replace(/^(?:body\.)?extra\.([a-z][a-z0-9_]*)$/, "extra-$1"), m]));
}
