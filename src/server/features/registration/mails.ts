/**
 * Registration's mails, all through the platform outbox (`enqueueMails`) in the transaction of
 * the change. Each goes out in its recipient's locale: the account's setting (an account
 * made from an invitation request starts with the request's locale), else the locale stored
 * on the request. Where organisers saved their own wording of a template for that locale
 * (or, failing it, English), it replaces the catalogue's. Dates are in the event's zone with
 * the zone named, amounts in the locale's digits.
 */
import { eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { users } from "../../platform/auth/tables.js";
import { renderTemplate, splitParagraphs, templateSource, type MailVars, type Template, type TemplateName } from "../../platform/mail/templates.js";
import { DEFAULT_LOCALE, toLocale, type Locale } from "../../../shared/i18n/locales.js";
import type { EventRow } from "../events/index.js";
import type { Decision } from "./schema.js";
import { mailTemplateOverrides } from "./tables.js";
import type { SettingsRow } from "./event-registration.js";
import { statusUrl } from "./status-link.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { formatAmount, formatInstant } from "../../../shared/i18n/format.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { enqueueMails, type RenderedMailRequest } from "../../platform/mail/outbox.js";

/** A request as far as its mails need it. */
export interface MailRecipient {
  id: string;
  userId: string;
  email: string;
  name: string;
  locale: string;
  linkSalt: string;
}

/** "Friday 5 June 2030 at 17:00 (Europe/London)", in the reader's language. */
export function formatWhen(locale: Locale, instant: Date, timeZone: string): string {
  return formatInstant(locale, instant, timeZone, "long");
}

/** The fee sentence of the invitation and confirmation mails: amount, beneficiary, how to pay, waivers. */
export function feeLine(locale: Locale, s: SettingsRow): string {
  const tr = translator(locale);
  if (s.feeAmount <= 0) return tr.t("mail.registration.fee.none");
  const parts = [tr.t("mail.registration.fee.amount", { amount: formatAmount(locale, s.feeAmount, s.feeCurrency) })];
  if (s.beneficiaryName) parts.push(s.beneficiaryUrl ? tr.t("mail.registration.fee.beneficiaryUrl", { beneficiary: s.beneficiaryName, url: s.beneficiaryUrl }) : tr.t("mail.registration.fee.beneficiary", { beneficiary: s.beneficiaryName }));
  if (s.feeInstructions) parts.push(s.feeInstructions);
  if (s.waiversAllowed) parts.push(tr.t("mail.registration.fee.waiver"));
  return parts.join(" ");
}

export function toTemplate(subject: string, body: string): Template {
  return { subject, body: splitParagraphs(body) };
}

/** Organisers' wording for an event's mails, keyed `template:locale`. */
async function templateOverrides(db: Db, eventId: string): Promise<Map<string, Template>> {
  const rows = await db.select().from(mailTemplateOverrides).where(eq(mailTemplateOverrides.eventId, eventId));
  return new Map(rows.map((r) => [`${r.template}:${r.locale}`, toTemplate(r.subject, r.body)]));
}

/** Each recipient's locale: their account's, else their request's. One query for any number. */
async function recipientLocales(db: Db, recipients: readonly MailRecipient[]): Promise<Map<string, Locale>> {
  const ids = [...new Set(recipients.map((r) => r.userId))];
  const accounts = ids.length ? await db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, ids)) : [];
  const byUser = new Map(accounts.map((a) => [a.id, a.locale]));
  return new Map(recipients.map((r) => [r.id, toLocale(byUser.get(r.userId)) ?? toLocale(r.locale) ?? DEFAULT_LOCALE]));
}

/** One recipient's locale (see recipientLocales). */
export async function recipientLocale(db: Db, recipient: MailRecipient): Promise<Locale> {
  return (await recipientLocales(db, [recipient])).get(recipient.id)!;
}

/** The built-in label of a template's button in a locale: the `linkLabel` of organisers' wording, which has no button of its own. */
export function linkLabel(template: TemplateName, locale: Locale): string {
  const tr = translator(locale);
  const id = `mail.${template}.button`;
  return tr.has(id) ? tr.t(id as MessageId) : "";
}

/**
 * Queues one template to many requests of an event in the caller's transaction: `vars` adds
 * to what every registration mail has (name, event, the status link) in the recipient's
 * locale. Returns how many were queued.
 */
export async function mailRequests<R extends MailRecipient>(
  ctx: AppContext,
  tx: Db,
  e: EventRow,
  template: TemplateName,
  recipients: readonly R[],
  vars: (r: R, locale: Locale) => MailVars = () => ({}),
  meta: (r: R) => Record<string, unknown> = (r) => ({ requestId: r.id }),
): Promise<number> {
  if (recipients.length === 0) return 0;
  const [overrides, locales] = await Promise.all([templateOverrides(tx, e.id), recipientLocales(tx, recipients)]);
  const mails: RenderedMailRequest[] = recipients.map((r) => {
    const locale = locales.get(r.id)!;
    const own = overrides.get(`${template}:${locale}`) ?? overrides.get(`${template}:en`);
    const all = { name: r.name, event: e.name, link: statusUrl(ctx, r), linkLabel: linkLabel(template, locale), ...vars(r, locale) };
    return { to: r.email, template, rendered: renderTemplate(own ?? templateSource(template, locale), all, locale), meta: meta(r) };
  });
  return (await enqueueMails(tx, new URL(ctx.config.baseUrl).hostname, mails)).length;
}

const DECISION_TEMPLATE = { invite: "registration.invited", waitlist: "registration.waitlisted", decline: "registration.declined", cancel: "registration.cancelled" } as const satisfies Record<Decision, TemplateName>;

/** The mails of one decision on many requests; an invitation names its deadline and the fee. */
export function mailDecision(ctx: AppContext, tx: Db, e: EventRow, s: SettingsRow, action: Decision, rows: readonly (MailRecipient & { confirmBy: Date | null })[], message: string): Promise<number> {
  return mailRequests(
    ctx,
    tx,
    e,
    DECISION_TEMPLATE[action],
    rows,
    (r, locale): MailVars => (action === "invite" ? { confirmBy: formatWhen(locale, r.confirmBy!, e.timeZone), feeLine: feeLine(locale, s), message } : { message }),
    (r) => ({ requestId: r.id, action }),
  );
}
