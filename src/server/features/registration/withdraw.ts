import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";
import type { Actor } from "../../platform/permissions.js";
import { eventById } from "../events/index.js";
import { requestsChanged } from "./changes.js";
import { lockSettings } from "./event-registration.js";
import type { ApplicantView } from "./schema.js";
import { ownRequest } from "./status-link.js";
import { applicantView } from "./status-page.js";
import { LIVE_STATES, invitationRequests as R, stipendRequests } from "./tables.js";
import { promoteWaitlisted } from "./waiting-list.js";

/** The applicant withdraws a request or gives up a place; a freed place goes to the waiting list. */
export async function withdraw(ctx: AppContext, actor: Actor, requestId: string, token?: string): Promise<ApplicantView> {
  const r = await ownRequest(ctx, ctx.db, actor, requestId, token);
  const updated = await ctx.db.transaction(async (tx) => {
    await lockSettings(tx, r.eventId);
    const [cur] = await tx.select().from(R).where(eq(R.id, r.id));
    if (!(LIVE_STATES as readonly string[]).includes(cur!.state)) throw new ConflictError("not_live", `This request is ${cur!.state} already.`, undefined, { state: cur!.state });
    const freesPlace = cur!.state === "confirmed" || cur!.state === "invited";
    const now = ctx.now();
    const [u] = await tx
      .update(R)
      .set({ state: cur!.state === "confirmed" ? "cancelled" : "withdrawn", endedAt: now, updatedAt: now })
      .where(eq(R.id, r.id))
      .returning();
    await tx.update(stipendRequests).set({ state: "withdrawn", updatedAt: now }).where(and(eq(stipendRequests.requestId, r.id), inArray(stipendRequests.state, ["submitted", "information_needed", "offered"])));
    if (freesPlace) {
      const e = await eventById(tx, r.eventId);
      await promoteWaitlisted(ctx, tx, e, await lockSettings(tx, r.eventId));
    }
    return u!;
  });
  await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, updated.eventId);
  return applicantView(ctx, ctx.db, updated);
}
