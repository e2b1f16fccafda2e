import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Db } from "../db/index.js";
import { MAIL_PRIORITY, outbox } from "./tables.js";
import { render, type MailVars, type Rendered, type TemplateName } from "./templates.js";

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

/** A mail already rendered: an organiser's own wording of a template (registration's decision mails). */
export interface RenderedMailRequest {
  to: string;
  template: TemplateName;
  rendered: Rendered;
  meta?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const CHUNK = 2500;

/**
 * Writes mails to the outbox: the one way any mail is queued. Pass the transaction of the
 * change that causes them: then the mails exist exactly when the change does. Publish
 * MAIL_QUEUED after commit. Each chunk is one INSERT … SELECT from a single JSON parameter,
 * so 5,000 decision mails cost two statements and no per-row parameter binding. Returns the
 * outbox ids, in the order of `mails`.
 */
export async function enqueueMails(db: Db, host: string, mails: readonly (MailRequest | RenderedMailRequest)[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < mails.length; i += CHUNK) {
    const batch = mails.slice(i, i + CHUNK).map((m) => {
      const { subject, text, html } = "rendered" in m ? m.rendered : render(m.template, m.locale ?? "en", m.vars);
      return { message_id: `<${randomUUID()}@${host}>`, to_address: m.to, subject, text_body: text, html_body: html, template: m.template, priority: mailPriority(m.template), meta: m.meta ?? {}, headers: m.headers ?? {} };
    });
    const inserted = await rows<{ id: string | number }>(
      db,
      sql`
      insert into ${outbox} (message_id, to_address, subject, text_body, html_body, template, priority, meta, headers)
      select message_id, to_address, subject, text_body, html_body, template, priority, meta, headers
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(message_id text, to_address text, subject text, text_body text, html_body text, template text, priority smallint, meta jsonb, headers jsonb)
      returning id`,
    );
    // Ids are drawn in the order the rows are read from the JSON array, which is the order given.
    ids.push(...inserted.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** One mail: see enqueueMails. */
export async function enqueueMail(db: Db, host: string, req: MailRequest): Promise<number> {
  const [id] = await enqueueMails(db, host, [req]);
  return id!;
}
