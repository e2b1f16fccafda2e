import { msg } from "../../../shared/i18n/catalogue.js";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import type { stipendApplicantBody, stipendRequestBody } from "./schema.js";
import { stipendMessages as M, stipendRequests as S } from "./tables.js";
import { settingsOf, lockSettings } from "./event-registration.js";
import { ownRequest } from "./status-link.js";
import { STIPEND_STEPS, nextState, stipendsOffered, STIPEND_ELIGIBLE } from "./rules.js";
import { getOwnRequest } from "./status-page.js";
import { isUniqueViolation } from "../../platform/db/sql.js";

/** The applicant asks for a travel stipend and answers offers. */
export async function requestStipend(ctx: AppContext, actor: Actor, requestId: string, token: string | undefined, input: z.infer<typeof stipendRequestBody>) {
  const r = await ownRequest(ctx, ctx.db, actor, requestId, token);
  const s = await settingsOf(ctx.db, r.eventId);
  if (!stipendsOffered(s)) throw new ConflictError("stipends_not_offered", msg("registration.errors.stipendsNotOffered"));
  if (!STIPEND_ELIGIBLE.includes(r.state)) throw new ConflictError("not_live", msg("registration.errors.stipendNotLive", { state: r.state }), undefined, { state: r.state });
  await ctx.db
    .insert(S)
    .values({ eventId: r.eventId, requestId: r.id, amountAsked: input.amount, currency: input.currency, origin: input.origin, justification: input.justification })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new ConflictError("stipend_exists", msg("registration.errors.stipendExists"));
      throw err;
    });
  return getOwnRequest(ctx, actor, requestId, token);
}

export async function applicantStipendAction(ctx: AppContext, actor: Actor, requestId: string, token: string | undefined, input: z.infer<typeof stipendApplicantBody>) {
  const r = await ownRequest(ctx, ctx.db, actor, requestId, token);
  await ctx.db.transaction(async (tx) => {
    await lockSettings(tx, r.eventId);
    const [st] = await tx.select().from(S).where(eq(S.requestId, r.id));
    if (!st) throw new NotFoundError(msg("registration.errors.stipendNotFound"));
    const next = nextState(STIPEND_STEPS[input.action], st.state);
    if (!next) throw new ConflictError("stipend_state", msg("registration.errors.stipendState", { state: st.state, step: input.action }), undefined, { state: st.state });
    const now = ctx.now();
    // Accepting keeps the amount already reserved by the offer: acceptances never add to what is committed.
    if (next !== st.state) await tx.update(S).set({ state: next, updatedAt: now }).where(eq(S.id, st.id));
    if (input.message) await tx.insert(M).values({ stipendId: st.id, from: "applicant", internal: false, body: input.message, createdAt: now });
  });
  return getOwnRequest(ctx, actor, requestId, token);
}
