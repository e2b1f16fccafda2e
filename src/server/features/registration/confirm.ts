import { msg } from "../../../shared/i18n/catalogue.js";
import { and, count, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { eventById } from "../events/index.js";
import type { ApplicantView } from "./schema.js";
import { invitationRequests as R } from "./tables.js";
import { lockSettings, iso } from "./event-registration.js";
import { ownRequest } from "./status-link.js";
import { feeLine, mailRequests } from "./mails.js";
import { REQUEST_STEPS, nextState, canStep, beforeDeadline } from "./rules.js";
import { requestsChanged } from "./changes.js";
import { applicantView } from "./status-page.js";
import { isUniqueViolation } from "../../platform/db/sql.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** The applicant confirms an invitation: takes a place, never beyond the capacity, and gets a check-in code. */

/**
 * Confirming takes a place. The settings row is locked first, so confirmations of one event
 * run one after another and the count they check is exact: capacity is never exceeded.
 */
export async function confirm(ctx: AppContext, actor: Actor, requestId: string, token?: string): Promise<ApplicantView> {
  const r = await ownRequest(ctx, ctx.db, actor, requestId, token);
  const updated = await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, r.eventId);
    const [cur] = await tx.select().from(R).where(eq(R.id, r.id));
    const now = ctx.now();
    if (cur!.state === "confirmed") return cur!;
    if (!canStep(REQUEST_STEPS.confirm, cur!.state)) throw new ConflictError("not_invited", msg("registration.errors.notInvited", { state: cur!.state }), undefined, { state: cur!.state });
    if (!beforeDeadline(cur!.confirmBy, now)) throw new ConflictError("invitation_expired", msg("registration.errors.invitationExpired", { confirmBy: iso(cur!.confirmBy) ?? "" }), undefined, { confirmBy: iso(cur!.confirmBy) });
    const [{ n }] = (await tx.select({ n: count() }).from(R).where(and(eq(R.eventId, r.eventId), eq(R.state, "confirmed")))) as [{ n: number }];
    if (n >= s.capacity) throw new ConflictError("event_full", msg("registration.errors.eventFull", { capacity: s.capacity, confirmBy: cur!.confirmBy!.toISOString() }), undefined, { capacity: s.capacity });
    const e = await eventById(tx, r.eventId);
    for (let attempt = 0; ; attempt++) {
      const code = newCheckinCode();
      try {
        const [u] = await tx.transaction(async (sp) => sp.update(R).set({ state: nextState(REQUEST_STEPS.confirm, cur!.state)!, confirmedAt: now, checkinCode: code, updatedAt: now }).where(eq(R.id, r.id)).returning());
        await mailRequests(ctx, tx, e, "registration.confirmed", [u!], (_, locale) => ({ checkinCode: code, feeLine: feeLine(locale, s) }));
        return u!;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt > 3) throw err;
      }
    }
  });
  await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, updated.eventId);
  return applicantView(ctx, ctx.db, updated);
}

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A per-attendee check-in code, easy to read out at the door: 8 characters without 0/O, 1/I. */
export function newCheckinCode(): string {
  const bytes = randomBytes(8);
  let s = "";
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
