import { eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { mailPriority } from "../../platform/mail/outbox.js";
import { renderTemplate, templateSource, type Rendered, type Template, type TemplateName } from "../../platform/mail/templates.js";
import type { EventRow } from "../events/index.js";
import type { SettingsRow } from "./event-registration.js";
import { formatMoney } from "./money.js";
import type { DecisionBody } from "./schema.js";
import { statusUrl } from "./status-link.js";
import { mailTemplateOverrides } from "./tables.js";

/** Registration's mails: the event's own wording where organisers saved one, the fee line, dates in the event's zone. */

/** "Friday 5 June 2030 at 17:00 (Europe/London)"; one formatter per zone, since building one costs more than using it. */
export function formatWhen(instant: Date, timeZone: string): string {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (whenFormats.size < 600) whenFormats.set(timeZone, f);
  }
  return `${f.format(instant)} (${timeZone})`;
}

export const whenFormats = new Map<string, Intl.DateTimeFormat>();

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

export function eventVars(e: EventRow): { event: string } {
  return { event: e.name };
}

export interface DecisionMailRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  linkSalt: string;
  confirmBy: Date | null;
}

export const DECISION_TEMPLATE = { invite: "registration.invited", waitlist: "registration.waitlisted", decline: "registration.declined", cancel: "registration.cancelled" } as const;

export function decisionMail(ctx: AppContext, overrides: Map<string, Template>, e: EventRow, s: SettingsRow, action: DecisionBody["action"], r: DecisionMailRow, message: string): QueuedMail {
  const template = DECISION_TEMPLATE[action];
  const vars: Record<string, string> = { name: r.name, ...eventVars(e), link: statusUrl(ctx, r), linkLabel: action === "invite" ? "Confirm my place" : "See my request", message };
  if (action === "invite") Object.assign(vars, { confirmBy: formatWhen(r.confirmBy!, e.timeZone), feeLine: feeLine(s) });
  return { to: r.email, template, rendered: renderFor(overrides, template, r.locale, vars), meta: { requestId: r.id, action } };
}
