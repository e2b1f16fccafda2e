import type { EventTarget } from "../events/index.js";
import { and, asc, count, eq, ilike, isNotNull, or, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { toCsv } from "../../platform/csv.js";
import { invitationRequests as R } from "./tables.js";
import { eventForOrganiser, iso } from "./event-registration.js";
import { netPaid, feeWaived, feeSettled } from "./ledger.js";
import { containsPattern } from "../../platform/db/sql.js";

/** Confirmed attendees: the list with search, and CSV. */

/** Confirmed attendees, by name; `q` searches names, addresses and check-in codes. */
export async function attendees(ctx: AppContext, target: EventTarget, q: { q?: string | undefined; limit: number; offset: number }, capability: "registration.view" | "registration.checkin" = "registration.view") {
  const { e, s } = await eventForOrganiser(ctx, target, capability);
  const where: SQL[] = [eq(R.eventId, e.id), eq(R.state, "confirmed")];
  const term = q.q?.trim();
  if (term) where.push(or(ilike(R.name, containsPattern(term)), ilike(R.email, containsPattern(term)), ilike(R.checkinCode, containsPattern(term.toUpperCase())))!);
  const cond = and(...where);
  const net = netPaid(R.id);
  const waived = feeWaived(R.id);
  const [rows, [total], [checked]] = await Promise.all([
    ctx.db.select({ r: R, net, waived }).from(R).where(cond).orderBy(asc(R.name), asc(R.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(R).where(cond),
    ctx.db.select({ n: count() }).from(R).where(and(eq(R.eventId, e.id), eq(R.state, "confirmed"), isNotNull(R.checkedInAt))),
  ]);
  return {
    attendees: rows.map(({ r, net: paid, waived: w }) => ({
      requestId: r.id,
      name: r.name,
      email: r.email,
      affiliation: r.answers.affiliation ?? null,
      confirmedAt: iso(r.confirmedAt),
      checkinCode: r.checkinCode,
      checkedInAt: iso(r.checkedInAt),
      feePaid: feeSettled(s, paid, w),
    })),
    total: total?.n ?? 0,
    checkedIn: checked?.n ?? 0,
  };
}

export async function attendeesCsv(ctx: AppContext, target: EventTarget): Promise<string> {
  const list = await attendees(ctx, target, { limit: 100_000, offset: 0 });
  return toCsv(
    ["name", "email", "affiliation", "confirmed_at", "checkin_code", "checked_in_at", "fee_paid"],
    list.attendees.map((a) => [a.name, a.email, a.affiliation, a.confirmedAt, a.checkinCode, a.checkedInAt, a.feePaid ? "yes" : "no"]),
  );
}
