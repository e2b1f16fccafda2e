import { BusCache } from "../../platform/cache.js";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { DomainError } from "../../platform/errors.js";
import { renderTemplate, templateSource, type Rendered, type Template, type TemplateName } from "../../platform/mail/templates.js";
import { mailPriority } from "../../platform/mail/outbox.js";
import type { Actor } from "../../platform/permissions.js";
import { communityNames } from "../communities/index.js";
import { eventTarget, type EventRow } from "../events/index.js";
import { invitationRequests, mailTemplateOverrides, registrationSettings, stipendRequests as S } from "./tables.js";

export type { EventRow };
export type SettingsRow = typeof registrationSettings.$inferSelect;
export type RequestRow = typeof invitationRequests.$inferSelect;

export class NotSetUpError extends DomainError {
  constructor() {
    super("registration_not_set_up", "This event does not take invitation requests (registration is not set up).");
  }
}

/** The event, visible to the actor (an unpublished one only to those who may see it). */
export async function visibleEvent(ctx: AppContext, actor: Actor, community: string, event: string): Promise<EventRow> {
  return (await eventTarget(ctx, actor, community, event)).event;
}

export async function settingsOf(db: Db, eventId: string): Promise<SettingsRow> {
  const [s] = await db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
  if (!s) throw new NotSetUpError();
  return s;
}

/**
 * Locks the event's settings row for the rest of the transaction. Every change that takes or
 * frees a place or spends budget goes through this lock, so capacity and budget checks see
 * a stable count, across app processes too.
 */
export async function lockSettings(tx: Db, eventId: string): Promise<SettingsRow> {
  const [s] = await tx.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId)).for("update");
  if (!s) throw new NotSetUpError();
  return s;
}

/** The status-page secret: derived from the request's salt with the server's key, never stored. */
export function linkToken(ctx: AppContext, requestId: string, salt: string): string {
  return createHmac("sha256", ctx.secrets.statusLink).update(`registration:${requestId}:${salt}`).digest("base64url").slice(0, 32);
}

export function tokenMatches(ctx: AppContext, r: { id: string; linkSalt: string }, token: string): boolean {
  const a = Buffer.from(linkToken(ctx, r.id, r.linkSalt));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newSalt = () => randomBytes(12).toString("base64url");

export function statusUrl(ctx: AppContext, r: { id: string; linkSalt: string }): string {
  return `${ctx.config.baseUrl}/registration/${r.id}?token=${linkToken(ctx, r.id, r.linkSalt)}`;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A per-attendee check-in code, easy to read out at the door: 8 characters without 0/O, 1/I. */
export function newCheckinCode(): string {
  const bytes = randomBytes(8);
  let s = "";
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

const digitsCache = new Map<string, number>();
export function fractionDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    if (digitsCache.size < 500) digitsCache.set(currency, d);
  }
  return d;
}

/** 1500, "USD" → "USD 15.00", by integer arithmetic. */
export function formatMoney(amount: number, currency: string): string {
  const d = fractionDigits(currency);
  if (d === 0) return `${currency} ${amount}`;
  const unit = 10 ** d;
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${currency} ${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(d, "0")}`;
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();
/** "Friday 5 June 2030 at 17:00 (Europe/London)"; one formatter per zone, since building one costs more than using it. */
export function formatWhen(instant: Date, timeZone: string): string {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (whenFormats.size < 600) whenFormats.set(timeZone, f);
  }
  return `${f.format(instant)} (${timeZone})`;
}

export function feeLine(s: SettingsRow): string {
  if (s.feeAmount <= 0) return "There is no fee.";
  const to = s.beneficiaryName ? ` All of it goes to ${s.beneficiaryName}${s.beneficiaryUrl ? ` (${s.beneficiaryUrl})` : ""}.` : "";
  const how = s.feeInstructions ? ` ${s.feeInstructions}` : "";
  return `The fee is ${formatMoney(s.feeAmount, s.feeCurrency)}.${to}${how}${s.waiversAllowed ? " If the fee keeps you from coming, ask us for a waiver." : ""}`;
}

/** Organisers' wording for an event's decision mails, keyed `template:locale`. */
export async function templateOverrides(db: Db, eventId: string): Promise<Map<string, Template>> {
  const rows = await db.select().from(mailTemplateOverrides).where(eq(mailTemplateOverrides.eventId, eventId));
  return new Map(rows.map((r) => [`${r.template}:${r.locale}`, toTemplate(r.subject, r.body)]));
}

export function toTemplate(subject: string, body: string): Template {
  return { subject, body: body.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean) };
}

export function renderFor(overrides: Map<string, Template>, name: TemplateName, locale: string, vars: Record<string, string>): Rendered {
  const t = overrides.get(`${name}:${locale}`) ?? overrides.get(`${name}:en`) ?? templateSource(name, locale);
  return renderTemplate(t, vars);
}

export interface QueuedMail {
  to: string;
  template: TemplateName;
  rendered: Rendered;
  meta: Record<string, unknown>;
}

/**
 * Writes many mails to the outbox in the caller's transaction: each chunk is one INSERT …
 * SELECT from a single JSON parameter, so thousands of mails cost a few statements and no
 * per-row parameter binding.
 */
export async function insertMails(ctx: AppContext, tx: Db, mails: QueuedMail[]): Promise<number> {
  const host = new URL(ctx.config.baseUrl).hostname;
  for (let i = 0; i < mails.length; i += 2500) {
    const chunk = mails.slice(i, i + 2500).map((m) => ({ message_id: `<${randomBytes(16).toString("hex")}@${host}>`, to_address: m.to, subject: m.rendered.subject, text_body: m.rendered.text, html_body: m.rendered.html, template: m.template, priority: mailPriority(m.template), meta: m.meta }));
    await tx.execute(sql`
      insert into mail_outbox (message_id, to_address, subject, text_body, html_body, template, priority, meta)
      select message_id, to_address, subject, text_body, html_body, template, priority, meta
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(message_id text, to_address text, subject text, text_body text, html_body text, template text, priority smallint, meta jsonb)`);
  }
  return mails.length;
}

/** A list of ids (or other strings) as one JSON parameter, for `in (select … from json_array_elements_text(…))`. */
export function jsonList(values: readonly string[]) {
  return sql`(select value from json_array_elements_text(${JSON.stringify(values)}::json))`;
}
export function uuidList(values: readonly string[]) {
  return sql`(select value::uuid from json_array_elements_text(${JSON.stringify(values)}::json))`;
}

export function eventVars(e: EventRow): { event: string } {
  return { event: e.name };
}

export async function communitySlugOf(db: Db, communityId: string): Promise<string> {
  return (await communityNames(db, [communityId])).get(communityId)?.slug ?? "";
}

/** Places taken: confirmed attendees. Places held: invitations not yet answered. */
export async function placeCounts(db: Db, eventId: string): Promise<{ confirmed: number; invited: number }> {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*) filter (where ${invitationRequests.state} = 'confirmed')`.mapWith(Number),
      invited: sql<number>`count(*) filter (where ${invitationRequests.state} = 'invited')`.mapWith(Number),
    })
    .from(invitationRequests)
    .where(and(eq(invitationRequests.eventId, eventId), sql`${invitationRequests.state} in ('confirmed', 'invited')`));
  return { confirmed: row?.confirmed ?? 0, invited: row?.invited ?? 0 };
}

/** Committed budget: open offers, accepted offers and reimbursements. Call inside the settings lock. */
export async function budgetOf(db: Db, eventId: string, s: SettingsRow, excludeId?: string) {
  const [row] = await db
    .select({
      offered: sql<number>`coalesce(sum(${S.amountOffered}) filter (where ${S.state} = 'offered'), 0)`.mapWith(Number),
      accepted: sql<number>`coalesce(sum(${S.amountOffered}) filter (where ${S.state} = 'accepted'), 0)`.mapWith(Number),
      reimbursed: sql<number>`coalesce(sum(${S.amountReimbursed}) filter (where ${S.state} = 'reimbursed'), 0)`.mapWith(Number),
    })
    .from(S)
    .where(excludeId ? and(eq(S.eventId, eventId), ne(S.id, excludeId)) : eq(S.eventId, eventId));
  const offered = row?.offered ?? 0;
  const accepted = row?.accepted ?? 0;
  const reimbursed = row?.reimbursed ?? 0;
  return { currency: s.stipendCurrency, total: s.stipendBudget, offered, accepted, reimbursed, left: s.stipendBudget - offered - accepted - reimbursed };
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** Postgres unique violation, whichever driver raised it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Published after any change to an event's requests: `{ eventId }`. */
export const REGISTRATION_CHANGED = "registration.changed";

const counterCaches = new WeakMap<AppContext["bus"], BusCache<unknown>>();

/**
 * Per-event counters (requests per state, overdue) are what the queue page pays most for at
 * 20,000 requests, and they change only when a request does: kept for a few seconds and
 * dropped by every change to that event's requests. The TTL bounds the staleness of the
 * overdue count, which ages without any change.
 */
export async function cachedCounters<T>(ctx: AppContext, eventId: string, load: () => Promise<T>): Promise<T> {
  let cache = counterCaches.get(ctx.bus);
  if (!cache) {
    cache = new BusCache<unknown>(ctx.bus, REGISTRATION_CHANGED, { ttlMs: 5_000, maxEntries: 1000, keyOf: (p) => (typeof p.eventId === "string" ? p.eventId : undefined) });
    counterCaches.set(ctx.bus, cache);
  }
  return (await cache.get(eventId, load)) as T;
}

/** Call after the commit of any change to an event's requests. */
export async function requestsChanged(ctx: AppContext, eventId: string): Promise<void> {
  // Both buses deliver to this process's subscribers before publish returns.
  await ctx.bus.publish(REGISTRATION_CHANGED, { eventId });
}
