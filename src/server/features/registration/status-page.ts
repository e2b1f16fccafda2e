import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { UnauthenticatedError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { eventById } from "../events/index.js";
import type { ApplicantView } from "./schema.js";
import { invitationRequests as R, stipendMessages, stipendRequests } from "./tables.js";
import { type RequestRow, settingsOf, communitySlugOf, iso } from "./event-registration.js";
import { ownRequest } from "./status-link.js";
import { netPaid, feeWaived, feeSettled } from "./ledger.js";
import { stipendsOffered, applicantCan } from "./rules.js";
import { answerByDate } from "./business-days.js";

/** The applicant's view of a request (through the status link or signed in), with what they can do next. */
export async function applicantView(ctx: AppContext, db: Db, r: RequestRow): Promise<ApplicantView> {
  const e = await eventById(db, r.eventId);
  const s = await settingsOf(db, r.eventId);
  const communitySlug = await communitySlugOf(db, e.communityId);
  const [fee] = await db.select({ net: netPaid(sql`${r.id}::uuid`), waived: feeWaived(sql`${r.id}::uuid`) }).from(R).where(eq(R.id, r.id));
  const waived = fee?.waived ?? false;
  const [st] = await db.select().from(stipendRequests).where(eq(stipendRequests.requestId, r.id));
  const msgs = st
    ? await db.select().from(stipendMessages).where(and(eq(stipendMessages.stipendId, st.id), eq(stipendMessages.internal, false))).orderBy(asc(stipendMessages.createdAt))
    : [];
  let waitlistPosition: number | null = null;
  if (r.state === "waitlisted") {
    const [ahead] = await db
      .select({ n: count() })
      .from(R)
      .where(and(eq(R.eventId, r.eventId), eq(R.state, "waitlisted"), sql`(${R.requestedAt}, ${R.id}) < (${r.requestedAt.toISOString()}::timestamptz, ${r.id}::uuid)`));
    waitlistPosition = Number(ahead?.n ?? 0) + 1;
  }
  return {
    id: r.id,
    event: { id: e.id, name: e.name, communitySlug, slug: e.slug, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate },
    name: r.name,
    email: r.email,
    state: r.state,
    requestedAt: r.requestedAt.toISOString(),
    answerBy: r.answerBy.toISOString(),
    answerByDate: answerByDate(r.requestedAt, s.responseBusinessDays, e.timeZone, s.holidays),
    confirmBy: iso(r.confirmBy),
    waitlistPosition,
    checkinCode: r.state === "confirmed" ? r.checkinCode : null,
    fee: { amount: s.feeAmount, currency: s.feeCurrency, beneficiaryName: s.beneficiaryName, beneficiaryUrl: s.beneficiaryUrl, instructions: s.feeInstructions, paid: feeSettled(s, fee?.net ?? 0, false), waived },
    stipend: st
      ? { id: st.id, state: st.state, amountAsked: st.amountAsked, currency: st.currency, amountOffered: st.amountOffered, messages: msgs.map((m) => ({ from: m.from, body: m.body, createdAt: m.createdAt.toISOString() })) }
      : null,
    can: applicantCan(r, st ?? null, stipendsOffered(s), ctx.now()),
  };
}

export async function getOwnRequest(ctx: AppContext, actor: Actor, requestId: string, token?: string): Promise<ApplicantView> {
  return applicantView(ctx, ctx.db, await ownRequest(ctx, ctx.db, actor, requestId, token));
}

export async function myRequests(ctx: AppContext, actor: Actor): Promise<{ requests: ApplicantView[] }> {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  const rows = await ctx.db.select().from(R).where(eq(R.userId, actor.id)).orderBy(desc(R.requestedAt)).limit(100);
  const out: ApplicantView[] = [];
  for (const r of rows) out.push(await applicantView(ctx, ctx.db, r));
  return { requests: out };
}
