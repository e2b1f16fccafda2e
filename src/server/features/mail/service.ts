import { and, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { containsPattern } from "../../platform/db/sql.js";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError, UnauthenticatedError } from "../../platform/errors.js";
import { users } from "../../platform/auth/tables.js";
import { localMailbox } from "../../platform/mail/tables.js";
import { permitFor, type Actor } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import type { MailboxQuery } from "./schema.js";


const summary = (m: typeof localMailbox.$inferSelect) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, receivedAt: m.receivedAt.toISOString() });

/**
 * Which messages the caller may read: the instance admin (`mailbox.read`) reads them all;
 * any other signed-in account only what was sent to its own verified address. The mailbox
 * holds sign-in links, so reading someone else's mail would be signing in as them.
 */
async function readableBy(ctx: AppContext, actor: Actor): Promise<SQL | undefined> {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  if ((await permitFor(ctx, actor, {})).can("mailbox.read")) return undefined;
  const [u] = await ctx.db.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, actor.id));
  // An unverified address may not be the caller's: nothing is readable until it is proved.
  if (!u?.verifiedAt) return sql`false`;
  return sql`lower(${localMailbox.to}) = lower(${u.email})`;
}

/** `locale`: the language of the notice, the caller's. */
export async function listMailbox(ctx: AppContext, actor: Actor, q: MailboxQuery, locale: string) {
  const mine = await readableBy(ctx, actor);
  const rows = await ctx.db
    .select()
    .from(localMailbox)
    .where(and(mine, q.to ? ilike(localMailbox.to, containsPattern(q.to)) : undefined))
    .orderBy(desc(localMailbox.id))
    .limit(q.limit);
  return { notice: translator(locale).t("mailbox.notice"), smtpConfigured: Boolean(ctx.config.smtpUrl), messages: rows.map(summary) };
}

export async function getMessage(ctx: AppContext, actor: Actor, id: number) {
  const mine = await readableBy(ctx, actor);
  const [m] = await ctx.db.select().from(localMailbox).where(and(eq(localMailbox.id, id), mine));
  // Someone else's message is "not found", not "forbidden": ids are not probed.
  if (!m) throw new NotFoundError(msg("mailbox.errors.messageNotFound"));
  return { ...summary(m), text: m.text, html: m.html };
}
