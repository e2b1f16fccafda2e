import { and, asc, count, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { iso } from "./common.js";
import { toCsv } from "./fees.js";
import { eventForOrganiser } from "./queue.js";
import { invitationRequests as R, ledgerEntries as L } from "./tables.js";

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Confirmed attendees, by name; `q` searches names, addresses and check-in codes. */
export async function attendees(ctx: AppContext, actor: Actor, community: string, event: string, q: { q?: string | undefined; limit: number; offset: number }, capability: "registration.view" | "registration.checkin" = "registration.view") {
  const { e, s } = await eventForOrganiser(ctx, actor, community, event, capability);
  const where: SQL[] = [eq(R.eventId, e.id), eq(R.state, "confirmed")];
  const term = q.q?.trim();
  if (term) where.push(or(ilike(R.name, likeOf(term)), ilike(R.email, likeOf(term)), ilike(R.checkinCode, likeOf(term.toUpperCase())))!);
  const cond = and(...where);
  const net = sql<number>`coalesce((select sum(case when ${L.kind} = 'payment' then ${L.amount} when ${L.kind} = 'refund' then -${L.amount} else 0 end) from ${L} where ${L.requestId} = ${R.id}), 0)`.mapWith(Number);
  const waived = sql<boolean>`exists (select 1 from ${L} where ${L.requestId} = ${R.id} and ${L.kind} = 'waiver')`;
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
      feePaid: s.feeAmount === 0 || w === true || String(w) === "true" || paid >= s.feeAmount,
    })),
    total: total?.n ?? 0,
    checkedIn: checked?.n ?? 0,
  };
}

export async function attendeesCsv(ctx: AppContext, actor: Actor, community: string, event: string): Promise<string> {
  const list = await attendees(ctx, actor, community, event, { limit: 100_000, offset: 0 });
  return toCsv(
    ["name", "email", "affiliation", "confirmed_at", "checkin_code", "checked_in_at", "fee_paid"],
    list.attendees.map((a) => [a.name, a.email, a.affiliation, a.confirmedAt, a.checkinCode, a.checkedInAt, a.feePaid ? "yes" : "no"]),
  );
}

/** Checks an attendee in by code (from their phone) or by id (after a name search). Checking in twice answers 409 with the first time. */
export async function checkIn(ctx: AppContext, actor: Actor, community: string, event: string, input: { code?: string | undefined; requestId?: string | undefined }) {
  const { e, s } = await eventForOrganiser(ctx, actor, community, event, "registration.checkin");
  const now = ctx.now();
  const match = input.code ? eq(R.checkinCode, input.code.toUpperCase().replace(/[^A-Z0-9]/g, "").replace(/^(.{4})(.+)$/, "$1-$2")) : eq(R.id, input.requestId!);
  const [r] = await ctx.db.select().from(R).where(and(eq(R.eventId, e.id), match));
  if (!r) throw new NotFoundError(input.code ? "An attendee with this code" : "Attendee");
  if (r.state !== "confirmed") throw new ConflictError("not_confirmed", `${r.name} is not a confirmed attendee (the request is ${r.state}).`, undefined, { state: r.state });
  const [u] = await ctx.db.update(R).set({ checkedInAt: now, updatedAt: now }).where(and(eq(R.id, r.id), sql`${R.checkedInAt} is null`)).returning();
  if (!u) throw new ConflictError("already_checked_in", `${r.name} checked in already, at ${r.checkedInAt?.toISOString()}.`, undefined, { checkedInAt: iso(r.checkedInAt), name: r.name });
  const [fee] = await ctx.db
    .select({ net: sql<number>`coalesce(sum(case when ${L.kind} = 'payment' then ${L.amount} when ${L.kind} = 'refund' then -${L.amount} else 0 end), 0)`.mapWith(Number), waivers: count(sql`case when ${L.kind} = 'waiver' then 1 end`) })
    .from(L)
    .where(eq(L.requestId, u.id));
  const feePaid = s.feeAmount === 0 || (fee?.waivers ?? 0) > 0 || (fee?.net ?? 0) >= s.feeAmount;
  return { requestId: u.id, name: u.name, email: u.email, affiliation: u.answers.affiliation ?? null, confirmedAt: iso(u.confirmedAt), checkinCode: u.checkinCode, checkedInAt: iso(u.checkedInAt), feePaid };
}
