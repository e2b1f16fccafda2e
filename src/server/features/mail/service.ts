import { and, desc, eq, ilike } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError } from "../../platform/errors.js";
import { authorizeAnywhere, type Actor } from "../../platform/permissions.js";
import type { MailboxQuery } from "./schema.js";
import { localMailbox } from "./tables.js";

const NOTICE = "Local development mailbox: no SMTP server is configured, so mail Plenary would send is kept here instead of being delivered. Set SMTP_URL to deliver real mail.";

const summary = (m: typeof localMailbox.$inferSelect) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, receivedAt: m.receivedAt.toISOString() });

export async function listMailbox(ctx: AppContext, actor: Actor, q: MailboxQuery) {
  await authorizeAnywhere(ctx.db, actor, "mailbox.read");
  const rows = await ctx.db
    .select()
    .from(localMailbox)
    .where(q.to ? ilike(localMailbox.to, `%${q.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined)
    .orderBy(desc(localMailbox.id))
    .limit(q.limit);
  return { notice: NOTICE, smtpConfigured: Boolean(ctx.config.smtpUrl), messages: rows.map(summary) };
}

export async function getMessage(ctx: AppContext, actor: Actor, id: number) {
  await authorizeAnywhere(ctx.db, actor, "mailbox.read");
  const [m] = await ctx.db.select().from(localMailbox).where(and(eq(localMailbox.id, id)));
  if (!m) throw new NotFoundError("Message");
  return { ...summary(m), text: m.text, html: m.html };
}
