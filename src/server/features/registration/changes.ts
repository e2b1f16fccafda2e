import { count, eq, sql } from "drizzle-orm";
import { BusCache } from "../../platform/cache.js";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { invitationRequests as R, REQUEST_STATES, type RequestState } from "./tables.js";

/** What changes to an event's requests tell the rest of the process: the bus topic, and the per-state counters it keeps fresh. */

/** Published after any change to an event's requests: `{ eventId }`. */
export const REGISTRATION_CHANGED = "registration.changed";

export const counterCaches = new WeakMap<AppContext["bus"], BusCache<unknown>>();

/**
 * Per-event counters (requests per state, overdue) are what the queue page pays most for at
 * 20,000 requests, and they change only when a request does: kept for a few seconds and
 * dropped by every change to that event's requests. The TTL bounds the staleness of the
 * overdue count, which ages without any change.
 */
export async function cachedCounters<T>(ctx: AppContext, eventId: string, load: () => Promise<T>): Promise<T> {
  let cache = counterCaches.get(ctx.bus);
  if (!cache) {
    cache = new BusCache<unknown>(ctx.bus, REGISTRATION_CHANGED, { ttlMs: 5_000, maxEntries: 1000, keyOf: (p) => (typeof p.eventId === "string" ? p.eventId : undefined) });
    counterCaches.set(ctx.bus, cache);
  }
  return (await cache.get(eventId, load)) as T;
}

/** Call after the commit of any change to an event's requests. */
export async function requestsChanged(ctx: AppContext, eventId: string): Promise<void> {
  // Both buses deliver to this process's subscribers before publish returns.
  await ctx.bus.publish(REGISTRATION_CHANGED, { eventId });
}

export async function stateCounters(db: Db, eventId: string, now: Date) {
  const rows = await db
    .select({ state: R.state, n: count(), overdue: sql<number>`count(*) filter (where ${R.answerBy} < ${now.toISOString()}::timestamptz)`.mapWith(Number) })
    .from(R)
    .where(eq(R.eventId, eventId))
    .groupBy(R.state);
  const counters = Object.fromEntries(REQUEST_STATES.map((st) => [st, 0])) as Record<RequestState, number>;
  let overdue = 0;
  for (const r of rows) {
    counters[r.state] = Number(r.n);
    if (r.state === "requested") overdue = r.overdue;
  }
  return { counters, overdue };
}
