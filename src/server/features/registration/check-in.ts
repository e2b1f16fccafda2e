import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import { invitationRequests as R } from "./tables.js";
import { eventForOrganiser, iso } from "./event-registration.js";
import { netPaid, feeWaived, feeSettled } from "./ledger.js";

/** Checking attendees in at the door, by code or by id. */

/** Checks an attendee in by code (from their phone) or by id (after a name search). Checking in twice answers 409 with the first time. */
export async function checkIn(ctx: AppContext, target: EventTarget, input: { code?: string | undefined; requestId?: string | undefined }) {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.checkin");
  const now = ctx.now();
  const match = input.code ? eq(R.checkinCode, input.code.toUpperCase().replace(/[^A-Z0-9]/g, "").replace(/^(.{4})(.+)$/, "$1-$2")) : eq(R.id, input.requestId!);
  const [r] = await ctx.db.select().from(R).where(and(eq(R.eventId, e.id), match));
  if (!r) throw new NotFoundError(msg(input.code ? "registration.errors.attendeeCodeNotFound" : "registration.errors.attendeeNotFound"));
  if (r.state !== "confirmed") throw new ConflictError("not_confirmed", msg("registration.errors.notConfirmed", { name: r.name, state: r.state }), undefined, { state: r.state });
  const [u] = await ctx.db.update(R).set({ checkedInAt: now, updatedAt: now }).where(and(eq(R.id, r.id), sql`${R.checkedInAt} is null`)).returning();
  if (!u) throw new ConflictError("already_checked_in", msg("registration.errors.alreadyCheckedIn", { name: r.name, at: iso(r.checkedInAt) }), undefined, { checkedInAt: iso(r.checkedInAt), name: r.name });
  const [fee] = await ctx.db.select({ net: netPaid(sql`${u.id}::uuid`), waived: feeWaived(sql`${u.id}::uuid`) }).from(R).where(eq(R.id, u.id));
  const feePaid = feeSettled(s, fee?.net ?? 0, fee?.waived ?? false);
  return { requestId: u.id, name: u.name, email: u.email, affiliation: u.answers.affiliation ?? null, confirmedAt: iso(u.confirmedAt), checkinCode: u.checkinCode, checkedInAt: iso(u.checkedInAt), feePaid };
}
