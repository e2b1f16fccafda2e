import type { EventTarget } from "../events/index.js";
import { and, count, eq, isNotNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { budgetOf } from "./budget.js";
import { cachedCounters, stateCounters } from "./changes.js";
import { eventForOrganiser } from "./event-registration.js";
import { ledgerTotals } from "./ledger.js";
import { invitationRequests as R } from "./tables.js";

/** The organisers' dashboard: funnel, counters, places, budget and fees. */

/** What the organisers' dashboard draws: the funnel, counters, places, budget and fees. */
export async function summary(ctx: AppContext, target: EventTarget) {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  const now = ctx.now();
  const { counters, overdue } = await cachedCounters(ctx, e.id, () => stateCounters(ctx.db, e.id, now));
  const [f] = await ctx.db
    .select({ invited: count(R.invitedAt), confirmed: count(R.confirmedAt), checkedIn: count(R.checkedInAt) })
    .from(R)
    .where(and(eq(R.eventId, e.id), isNotNull(R.invitedAt)));
  const requested = Object.entries(counters).reduce((a, [k, v]) => (k === "unverified" ? a : a + v), 0);
  const { closed: _closed, ...ledger } = await ledgerTotals(ctx.db, e.id, s);
  return {
    counters,
    funnel: { requested, invited: Number(f?.invited ?? 0), confirmed: Number(f?.confirmed ?? 0), checkedIn: Number(f?.checkedIn ?? 0) },
    overdue,
    capacity: s.capacity,
    placesLeft: Math.max(0, s.capacity - counters.confirmed),
    budget: await budgetOf(ctx.db, e.id, s),
    ledger,
  };
}
