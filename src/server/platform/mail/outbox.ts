import { randomUUID } from "node:crypto";
import type { Db } from "../db/index.js";
import { MAIL_PRIORITY, outbox } from "./tables.js";
import { render, type MailVars, type TemplateName } from "./templates.js";

export const MAIL_QUEUED = "mail.queued";

/** Mails someone is waiting for at a screen: sent ahead of everything else (even a bulk run queued earlier). */
const TRANSACTIONAL: ReadonlySet<string> = new Set<TemplateName>(["account.verify", "account.signin-link", "account.reset", "registration.verify"]);

/** The outbox priority of a template's mails: every path that writes to the outbox uses this. */
export function mailPriority(template: string): number {
  return TRANSACTIONAL.has(template) ? MAIL_PRIORITY.transactional : MAIL_PRIORITY.normal;
}

export interface MailRequest {
  to: string;
  template: TemplateName;
  locale?: string;
  vars: MailVars;
  meta?: Record<string, unknown>;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on mail to subscribers. */
  headers?: Record<string, string>;
}

/**
 * Writes a mail to the outbox. Pass the transaction of the change that causes the mail:
 * then the mail exists exactly when the change does. Publish MAIL_QUEUED after commit.
 */
export async function enqueueMail(db: Db, host: string, req: MailRequest): Promise<number> {
  const { subject, text, html } = render(req.template, req.locale ?? "en", req.vars);
  const [row] = await db
    .insert(outbox)
    .values({ messageId: `<${randomUUID()}@${host}>`, to: req.to, subject, text, html, template: req.template, priority: mailPriority(req.template), meta: req.meta ?? {}, headers: req.headers ?? {} })
    .returning({ id: outbox.id });
  return row!.id;
}
