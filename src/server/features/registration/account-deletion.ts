import { msg } from "../../../shared/i18n/catalogue.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError } from "../../platform/errors.js";
import { invitationRequests, LIVE_STATES } from "./tables.js";

/**
 * Before an account is deleted: a live place or request is someone else's business too
 * (capacity, the waiting list), so it has to be withdrawn first, which frees the place for
 * the next person. Ended requests stay for the organisers' records and ledgers, without
 * who made them.
 */
export async function onAccountDeleted(_ctx: AppContext, tx: Db, userId: string): Promise<void> {
  const live = await tx
    .select({ id: invitationRequests.id })
    .from(invitationRequests)
    .where(and(eq(invitationRequests.userId, userId), inArray(invitationRequests.state, [...LIVE_STATES])));
  if (live.length) {
    throw new ConflictError("registration_live", msg("registration.errors.liveRequests", { count: live.length }), undefined, { requestIds: live.map((r) => r.id) });
  }
  await tx
    .update(invitationRequests)
    .set({ email: sql`'deleted-' || ${invitationRequests.id} || '@invalid'`, name: "Deleted account", answers: { workOn: "", extra: {} }, checkinCode: null })
    .where(eq(invitationRequests.userId, userId));
}
