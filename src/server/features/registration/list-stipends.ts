import type { EventTarget } from "../events/index.js";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { stipendMessages as M, invitationRequests as R, stipendRequests as S } from "./tables.js";
import { eventForOrganiser } from "./event-registration.js";
import { organiserStipendCan } from "./rules.js";
import { budgetOf } from "./budget.js";

/** The organisers' list of stipend requests with the budget. */
export async function listStipends(ctx: AppContext, target: EventTarget, only?: string[]) {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  const rows = await ctx.db
    .select({ st: S, name: R.name, email: R.email })
    .from(S)
    .innerJoin(R, eq(R.id, S.requestId))
    .where(only ? and(eq(S.eventId, e.id), inArray(S.id, only)) : eq(S.eventId, e.id))
    .orderBy(asc(S.createdAt));
  const msgs = rows.length ? await ctx.db.select().from(M).where(inArray(M.stipendId, rows.map((r) => r.st.id))).orderBy(asc(M.createdAt)) : [];
  return {
    budget: await budgetOf(ctx.db, e.id, s),
    stipends: rows.map(({ st, name, email }) => ({
      id: st.id,
      requestId: st.requestId,
      name,
      email,
      state: st.state,
      amountAsked: st.amountAsked,
      currency: st.currency,
      origin: st.origin,
      justification: st.justification,
      amountOffered: st.amountOffered,
      amountReimbursed: st.amountReimbursed,
      can: organiserStipendCan(st.state),
      messages: msgs.filter((m) => m.stipendId === st.id).map((m) => ({ id: m.id, from: m.from, internal: m.internal, body: m.body, createdAt: m.createdAt.toISOString() })),
    })),
  };
}
