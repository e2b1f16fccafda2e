/**
 * Pure helpers for the registration pages: money in minor units (integer math only), state
 * wording, chart geometry, pasted lists. Tested in logic.test.ts without a browser.
 */
import type { Budget, RequestState, StipendState, Summary } from "./types.js";

/** How many minor-unit digits a currency has (USD 2, JPY 0, BHD 3); 2 when unknown. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "15.00" → 1500 for a two-digit currency, read as a string: never through floating point.
 * Accepts "15", "15.5", "1,500.00", " 15 "; refuses signs, letters, more decimals than the
 * currency has, and amounts past 15 digits. Returns null when unreadable.
 */
export function parseMajor(input: string, digits: number): number | null {
  const s = input.trim().replace(/[,\s_]/g, "");
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return null;
  const [whole = "", frac = ""] = s.split(".");
  if (frac.length > digits) return null;
  const digitsStr = `${whole || "0"}${frac.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  if (digitsStr.length > 15) return null;
  return Number.parseInt(digitsStr, 10);
}

/** 1500 → "15.00" (the value for an input field), by integer division. */
export function minorToMajorString(minor: number, digits: number): string {
  const neg = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${neg ? "-" : ""}${abs}`;
  const s = String(abs).padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** 1500, "USD" → "USD 15.00": the currency's code, so that amounts in several currencies never look alike. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = minorToMajorString(minor, digits);
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, currencyDisplay: "code", minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(Number(major))
      .replace(/\u00a0/g, " ");
  } catch {
    return `${currency} ${major}`;
  }
}

export const STATE_LABEL: Record<RequestState, string> = {
  unverified: "Address not confirmed",
  requested: "Requested",
  invited: "Invited",
  waitlisted: "Waiting list",
  declined: "Declined",
  confirmed: "Confirmed",
  expired: "Expired",
  withdrawn: "Withdrawn",
  cancelled: "Cancelled",
};

/** What each state means for the applicant, in plain words. */
export const STATE_EXPLANATION: Record<RequestState, string> = {
  unverified: "We sent you a link to confirm your email address. Your request joins the queue once you open it.",
  requested: "Your request is in the queue. The organisers promise an answer by the date below.",
  invited: "You are invited! Confirm your place before the deadline, or it goes to the next person on the waiting list.",
  waitlisted: "The event is full for now. If a place frees up, the next person on the waiting list is invited automatically and told by email.",
  declined: "The organisers could not invite you this time. Thank you for your interest.",
  confirmed: "Your place is confirmed. Show your check-in code at the door.",
  expired: "The invitation was not confirmed before its deadline, so the place went to someone on the waiting list.",
  withdrawn: "You withdrew this request. You may request an invitation again while requests are open.",
  cancelled: "Your invitation or place has been cancelled.",
};

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

export const STIPEND_LABEL: Record<StipendState, string> = {
  submitted: "Submitted",
  information_needed: "Information needed",
  offered: "Offered",
  accepted: "Accepted",
  declined: "Declined",
  reimbursed: "Reimbursed",
  withdrawn: "Withdrawn",
  rejected: "Rejected",
};

export interface FunnelStep {
  key: keyof Summary["funnel"];
  label: string;
  value: number;
  /** Share of the first step, 0–100, whole percent. */
  percent: number;
}

/** The funnel's bars: each step as a share of those who requested. */
export function funnelSteps(f: Summary["funnel"]): FunnelStep[] {
  const steps: [FunnelStep["key"], string][] = [
    ["requested", "Requested"],
    ["invited", "Invited"],
    ["confirmed", "Confirmed"],
    ["checkedIn", "Checked in"],
  ];
  const top = Math.max(f.requested, f.invited, f.confirmed, f.checkedIn, 0);
  return steps.map(([key, label]) => ({ key, label, value: f[key], percent: top === 0 ? 0 : Math.round((f[key] * 100) / top) }));
}

export interface BudgetSegment {
  key: "reimbursed" | "accepted" | "offered" | "left";
  label: string;
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
  const parts: [BudgetSegment["key"], string, number][] = [
    ["reimbursed", "Reimbursed", b.reimbursed],
    ["accepted", "Accepted", b.accepted],
    ["offered", "Offered", b.offered],
    ["left", "Left", Math.max(0, b.left)],
  ];
  const total = Math.max(b.total, b.reimbursed + b.accepted + b.offered + Math.max(0, b.left));
  let used = 0;
  return parts.map(([key, label, value]) => {
    const raw = total === 0 ? 0 : (value * 100) / total;
    const percent = Math.max(0, Math.min(raw, 100 - used));
    used += percent;
    return { key, label, value, percent: Math.round(percent * 10) / 10 };
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
