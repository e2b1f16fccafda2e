import { msg } from "../../../shared/i18n/catalogue.js";
import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { eventById } from "../events/index.js";
import type { ApplicantView } from "./schema.js";
import { invitationRequests as R, stipendRequests } from "./tables.js";
import { lockSettings } from "./event-registration.js";
import { ownRequest } from "./status-link.js";
import { promoteFromWaitingList } from "./waiting-list.js";
import { REQUEST_STEPS, STIPEND_STEPS, nextState, statesFrom } from "./rules.js";
import { requestsChanged } from "./changes.js";
import { applicantView } from "./status-page.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** The applicant withdraws a request or gives up a place; a freed place goes to the waiting list. */
export async function withdraw(ctx: AppContext, actor: Actor, requestId: string, token?: string): Promise<ApplicantView> {
  const r = await ownRequest(ctx, ctx.db, actor, requestId, token);
  const updated = await ctx.db.transaction(async (tx) => {
    await lockSettings(tx, r.eventId);
    const [cur] = await tx.select().from(R).where(eq(R.id, r.id));
    const next = nextState(REQUEST_STEPS.withdraw, cur!.state);
    if (!next) throw new ConflictError("not_live", msg("registration.errors.alreadyEnded", { state: cur!.state }), undefined, { state: cur!.state });
    const freesPlace = cur!.state === "confirmed" || cur!.state === "invited";
    const now = ctx.now();
    const [u] = await tx
      .update(R)
      .set({ state: next, endedAt: now, updatedAt: now })
      .where(eq(R.id, r.id))
      .returning();
    await tx.update(stipendRequests).set({ state: "withdrawn", updatedAt: now }).where(and(eq(stipendRequests.requestId, r.id), inArray(stipendRequests.state, statesFrom(STIPEND_STEPS.withdraw))));
    if (freesPlace) {
      const e = await eventById(tx, r.eventId);
      await promoteFromWaitingList(ctx, tx, e, await lockSettings(tx, r.eventId));
    }
    return u!;
  });
  await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, updated.eventId);
  return applicantView(ctx, ctx.db, updated);
}
