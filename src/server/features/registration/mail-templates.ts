import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { COMPLETE_LOCALES } from "../../../shared/i18n/locales.js";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError, ValidationError } from "../../platform/errors.js";
import { placeholders, renderTemplate, templateSource } from "../../platform/mail/templates.js";
import { EDITABLE_TEMPLATES, TEMPLATE_VARIABLES, type EditableTemplate } from "./schema.js";
import { mailTemplateOverrides as T } from "./tables.js";
import { eventForOrganiser } from "./event-registration.js";
import { formatWhen, feeLine, toTemplate, linkLabel } from "./mails.js";

/** Organisers' own wording of the decision mails, per locale, with a preview. */

/**
 * Registration's services, split by topic: queue.ts (settings, requests, decisions,
 * confirmation, waitlist), fees.ts (ledger), stipends.ts, checkin.ts, jobs.ts; this file
 * holds mail templates and the event summary.
 */

export async function listTemplates(ctx: AppContext, target: EventTarget) {
  const { e } = await eventForOrganiser(ctx, target, "registration.view");
  const rows = await ctx.db.select().from(T).where(eq(T.eventId, e.id));
  const out = [];
  for (const template of EDITABLE_TEMPLATES) {
    for (const locale of COMPLETE_LOCALES) {
      const o = rows.find((r) => r.template === template && r.locale === locale);
      const base = templateSource(template, locale);
      out.push({ template, locale, subject: o?.subject ?? base.subject, body: o?.body ?? base.body.join("\n\n"), custom: !!o, variables: [...TEMPLATE_VARIABLES[template]] });
    }
  }
  return { templates: out };
}

export function checkPlaceholders(template: EditableTemplate, subject: string, body: string): void {
  const allowed = TEMPLATE_VARIABLES[template];
  const fields: Record<string, string[]> = {};
  for (const [field, text] of [["subject", subject], ["body", body]] as const) {
    const unknown = [...new Set(placeholders(text).filter((v) => !allowed.includes(v)))];
    if (unknown.length) fields[field] = [`Unknown variable${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{{${u}}}`).join(", ")}; this mail can use ${allowed.map((a) => `{{${a}}}`).join(", ")}.`];
  }
  if (Object.keys(fields).length) throw new ValidationError(msg("registration.errors.templateVariables"), fields);
}

export async function saveTemplate(ctx: AppContext, target: EventTarget, template: EditableTemplate, input: { locale: "en" | "de"; subject: string; body: string }) {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  checkPlaceholders(template, input.subject, input.body);
  await ctx.db
    .insert(T)
    .values({ eventId: e.id, template, locale: input.locale, subject: input.subject, body: input.body, updatedAt: ctx.now() })
    .onConflictDoUpdate({ target: [T.eventId, T.template, T.locale], set: { subject: input.subject, body: input.body, updatedAt: ctx.now() } });
  return listTemplates(ctx, target);
}

export async function resetTemplate(ctx: AppContext, target: EventTarget, template: EditableTemplate, locale: string): Promise<void> {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  const gone = await ctx.db.delete(T).where(and(eq(T.eventId, e.id), eq(T.template, template), eq(T.locale, locale))).returning();
  if (gone.length === 0) throw new NotFoundError(msg("registration.errors.customWordingNotFound"));
}

/** Renders a template (the saved one, or the draft in the body) with sample values, before anything is sent. */
export async function previewTemplate(ctx: AppContext, target: EventTarget, template: EditableTemplate, input: { locale: "en" | "de"; subject?: string | undefined; body?: string | undefined; message: string }) {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  const [saved] = await ctx.db.select().from(T).where(and(eq(T.eventId, e.id), eq(T.template, template), eq(T.locale, input.locale)));
  const base = saved ? toTemplate(saved.subject, saved.body) : templateSource(template, input.locale);
  const subject = input.subject ?? base.subject;
  const bodyText = input.body ?? base.body.join("\n\n");
  checkPlaceholders(template, subject, bodyText);
  const now = ctx.now();
  const locale = input.locale;
  const vars: Record<string, string> = {
    name: "Ada Lovelace",
    event: e.name,
    confirmBy: formatWhen(locale, new Date(now.getTime() + s.confirmationDays * 86400_000), e.timeZone),
    feeLine: feeLine(locale, s),
    link: `${ctx.config.baseUrl}/registration/00000000-0000-0000-0000-000000000000?token=preview`,
    linkLabel: linkLabel(template, locale),
    message: input.message,
    checkinCode: "ABCD-2345",
  };
  return renderTemplate(toTemplate(subject, bodyText), vars, locale);
}
