import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { EventRow } from "../events/index.js";
import { invitationRequests as R } from "./tables.js";
import { type SettingsRow, placeCounts } from "./event-registration.js";
import { formatWhen, feeLine, mailRequests } from "./mails.js";
import { REQUEST_STEPS } from "./rules.js";
import { translator } from "../../../shared/i18n/catalogues.js";

/** The waiting list: free places go to the earliest requests. */

/**
 * Fills free places from the waiting list, in the documented order: earliest request first
 * (request time, then id). A place is free when confirmed attendees plus open invitations are
 * fewer than the capacity. Call with the settings row locked; returns the mails queued.
 */
export async function promoteFromWaitingList(ctx: AppContext, tx: Db, e: EventRow, s: SettingsRow): Promise<number> {
  const { confirmed, invited } = await placeCounts(tx, e.id);
  const free = s.capacity - confirmed - invited;
  if (free <= 0) return 0;
  const now = ctx.now();
  const confirmBy = new Date(now.getTime() + s.confirmationDays * 86400_000);
  const next = await tx
    .select({ id: R.id })
    .from(R)
    .where(and(eq(R.eventId, e.id), eq(R.state, "waitlisted")))
    .orderBy(asc(R.requestedAt), asc(R.id))
    .limit(free)
    .for("update", { skipLocked: true });
  if (next.length === 0) return 0;
  const rows = await tx
    .update(R)
    .set({ state: REQUEST_STEPS.promote.from.waitlisted, decidedAt: now, invitedAt: now, confirmBy, reminderSentAt: null, updatedAt: now })
    .where(and(inArray(R.id, next.map((n) => n.id)), eq(R.state, "waitlisted")))
    .returning({ id: R.id, userId: R.userId, email: R.email, name: R.name, locale: R.locale, linkSalt: R.linkSalt, confirmBy: R.confirmBy });
  // Each in their own language: the message is the catalogue's, filled into the invitation's {message}.
  return mailRequests(ctx, tx, e, "registration.invited", rows, (r, locale) => ({ confirmBy: formatWhen(locale, r.confirmBy!, e.timeZone), feeLine: feeLine(locale, s), message: translator(locale).t("mail.registration.promoted") }), (r) => ({ requestId: r.id, action: "invite" }));
}
