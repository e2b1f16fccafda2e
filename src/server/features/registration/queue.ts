import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { users } from "../../platform/auth/tables.js";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { NotFoundError } from "../../platform/errors.js";
import type { QueueQuery } from "./schema.js";
import { invitationRequests as R, REQUEST_STATES, requestNotes } from "./tables.js";
import { type RequestRow, eventForOrganiser, iso } from "./event-registration.js";
import { decisionsCan } from "./rules.js";
import { cachedCounters, stateCounters } from "./changes.js";
import { containsPattern } from "../../platform/db/sql.js";

/** The organisers' queue: requests by answer-by date with counters, filters and search; one request with its notes. */
export async function queue(ctx: AppContext, target: EventTarget, q: QueueQuery) {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  const now = ctx.now();
  const where: SQL[] = [eq(R.eventId, e.id)];
  if (q.state?.length) where.push(inArray(R.state, q.state));
  else where.push(sql`${R.state} <> 'unverified'`);
  if (q.overdue !== undefined) where.push(q.overdue ? and(eq(R.state, "requested"), lt(R.answerBy, now))! : sql`not (${R.state} = 'requested' and ${R.answerBy} < ${now.toISOString()}::timestamptz)`);
  if (q.needsStipend !== undefined) where.push(q.needsStipend ? sql`(${R.answers}->>'needsStipend') = 'true'` : sql`coalesce(${R.answers}->>'needsStipend', 'false') <> 'true'`);
  if (q.q?.trim()) where.push(or(ilike(R.name, containsPattern(q.q.trim())), ilike(R.email, containsPattern(q.q.trim())))!);
  const order = { answerBy: [asc(R.answerBy), asc(R.id)], "-answerBy": [desc(R.answerBy), desc(R.id)], requestedAt: [asc(R.requestedAt), asc(R.id)], "-requestedAt": [desc(R.requestedAt), desc(R.id)], name: [asc(R.name), asc(R.id)] }[q.sort];
  const cond = and(...where);
  const filtered = !!(q.state?.length || q.overdue !== undefined || q.needsStipend !== undefined || q.q?.trim());
  const [rows, stats, counted] = await Promise.all([
    ctx.db
      .select({
        id: R.id,
        name: R.name,
        email: R.email,
        state: R.state,
        requestedAt: R.requestedAt,
        answerBy: R.answerBy,
        answers: R.answers,
        confirmBy: R.confirmBy,
        notes: sql<number>`(select count(*) from ${requestNotes} where ${requestNotes.requestId} = ${R.id})`.mapWith(Number),
      })
      .from(R)
      .where(cond)
      .orderBy(...order)
      .limit(q.limit)
      .offset(q.offset),
    cachedCounters(ctx, e.id, () => stateCounters(ctx.db, e.id, now)),
    // Unfiltered, the total is the sum of the counters: no second scan.
    filtered ? ctx.db.select({ n: count() }).from(R).where(cond) : Promise.resolve(null),
  ]);
  const total = counted ? Number(counted[0]?.n ?? 0) : REQUEST_STATES.reduce((a, st) => (st === "unverified" ? a : a + stats.counters[st]), 0);
  const places = { confirmed: stats.counters.confirmed };
  return {
    requests: rows.map((r) => queueRow(r, r.notes, now)),
    total,
    counters: stats.counters,
    overdue: stats.overdue,
    capacity: s.capacity,
    confirmed: places.confirmed,
    placesLeft: Math.max(0, s.capacity - places.confirmed),
  };
}

/** How a request appears in the queue; the detail view adds to it. */
export function queueRow(r: Pick<RequestRow, "id" | "name" | "email" | "state" | "requestedAt" | "answerBy" | "answers" | "confirmBy">, notes: number, now: Date) {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    state: r.state,
    requestedAt: r.requestedAt.toISOString(),
    answerBy: r.answerBy.toISOString(),
    overdue: r.state === "requested" && r.answerBy < now,
    workOn: r.answers.workOn,
    affiliation: r.answers.affiliation ?? null,
    needsStipend: r.answers.needsStipend === true,
    confirmBy: iso(r.confirmBy),
    notes,
    can: decisionsCan(r.state),
  };
}

export async function requestOfEvent(db: Db, eventId: string, requestId: string): Promise<RequestRow> {
  const [r] = await db.select().from(R).where(and(eq(R.id, requestId), eq(R.eventId, eventId)));
  if (!r) throw new NotFoundError(msg("registration.errors.requestOfEventNotFound"));
  return r;
}

export async function requestDetail(ctx: AppContext, target: EventTarget, requestId: string) {
  const { e } = await eventForOrganiser(ctx, target, "registration.view");
  const r = await requestOfEvent(ctx.db, e.id, requestId);
  const notes = await ctx.db
    .select({ id: requestNotes.id, body: requestNotes.body, authorName: users.name, createdAt: requestNotes.createdAt })
    .from(requestNotes)
    .leftJoin(users, eq(users.id, requestNotes.authorId))
    .where(eq(requestNotes.requestId, r.id))
    .orderBy(asc(requestNotes.createdAt));
  const now = ctx.now();
  return {
    ...queueRow(r, notes.length, now),
    answers: r.answers,
    checkinCode: r.checkinCode,
    checkedInAt: iso(r.checkedInAt),
    notesList: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.authorName, createdAt: n.createdAt.toISOString() })),
  };
}

export async function addNote(ctx: AppContext, target: EventTarget, requestId: string, body: string) {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  const r = await requestOfEvent(ctx.db, e.id, requestId);
  await ctx.db.insert(requestNotes).values({ requestId: r.id, authorId: target.permit.actor.kind === "user" ? target.permit.actor.id : null, body });
  return requestDetail(ctx, target, requestId);
}
