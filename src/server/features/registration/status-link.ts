import { eq } from "drizzle-orm";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { NotFoundError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { Actor } from "../../platform/permissions.js";
import type { RequestRow } from "./event-registration.js";
import { invitationRequests as R } from "./tables.js";

/** The applicant's status link: a secret derived from the request, never stored, that opens the request without an account. */

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

/**
 * The applicant: by the secret from their status link, or signed in as the requester. Anyone
 * else gets 404, whether the request does not exist or is someone else's: ids are not probed.
 * Every applicant operation opens its request through here.
 */
export async function ownRequest(ctx: AppContext, db: Db, actor: Actor, requestId: string, token: string | undefined): Promise<RequestRow> {
  const [r] = await db.select().from(R).where(eq(R.id, requestId));
  const ok = r && ((token !== undefined && tokenMatches(ctx, r, token)) || (actor.kind === "user" && actor.id === r.userId));
  if (!ok) throw new NotFoundError(msg("registration.errors.requestNotFound"));
  return r;
}
