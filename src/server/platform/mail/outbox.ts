import { randomUUID } from "node:crypto";
import type { Db } from "../db/index.js";
import { outbox } from "./tables.js";
import { render, type MailVars, type TemplateName } from "./templates.js";

export const MAIL_QUEUED = "mail.queued";

export interface MailRequest {
  to: string;
  template: TemplateName;
  locale?: string;
  vars: MailVars;
  meta?: Record<string, unknown>;
}

/**
 * Writes a mail to the outbox. Pass the transaction of the change that causes the mail:
 * then the mail exists exactly when the change does. Publish MAIL_QUEUED after commit.
 */
export async function enqueueMail(db: Db, host: string, req: MailRequest): Promise<number> {
  const { subject, text, html } = render(req.template, req.locale ?? "en", req.vars);
  const [row] = await db
    .insert(outbox)
    .values({ messageId: `<${randomUUID()}@${host}>`, to: req.to, subject, text, html, template: req.template, meta: req.meta ?? {} })
    .returning({ id: outbox.id });
  return row!.id;
}
