import type { EventTarget } from "../events/index.js";
import { parseEmailList } from "../../../shared/email-list.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { DecisionBody } from "./schema.js";
import { LIVE_STATES, invitationRequests as R, type RequestState } from "./tables.js";
import { eventForOrganiser, lockSettings } from "./event-registration.js";
import { type MailRecipient, mailDecision } from "./mails.js";
import { promoteFromWaitingList } from "./waiting-list.js";
import { type Step, REQUEST_STEPS, nextState, canStep, statesFrom } from "./rules.js";
import { requestsChanged } from "./changes.js";
import { jsonList, uuidList } from "../../platform/db/sql.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** Organisers decide on many requests at once: invite, put on the waiting list, decline or cancel. */

/**
 * One decision on many requests, in one transaction with its mails: set-based UPDATEs and
 * multi-row outbox inserts, so 5,000 decisions take one round of statements, not 5,000.
 */
export async function decide(ctx: AppContext, target: EventTarget, input: DecisionBody) {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  const result = await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, e.id);
    const skipped: { target: string; reason: string }[] = [];
    const targets = new Map<string, { id: string; state: RequestState }>();
    const ids = [...new Set(input.ids ?? [])];
    if (ids.length) {
      const found = await tx.select({ id: R.id, state: R.state }).from(R).where(and(eq(R.eventId, e.id), sql`${R.id} in ${uuidList(ids)}`));
      const seen = new Set(found.map((f) => f.id));
      for (const id of ids) if (!seen.has(id)) skipped.push({ target: id, reason: "No such request at this event." });
      for (const f of found) targets.set(f.id, f);
    }
    const emails = parseEmailList(input.emails ?? "");
    if (emails.length) {
      const found = await tx
        .select({ id: R.id, state: R.state, email: sql<string>`lower(${R.email})` })
        .from(R)
        .where(and(eq(R.eventId, e.id), inArray(R.state, [...LIVE_STATES]), sql`lower(${R.email}) in ${jsonList(emails)}`));
      const seen = new Set(found.map((f) => f.email));
      for (const m of emails) if (!seen.has(m)) skipped.push({ target: m, reason: "No live request from this address." });
      for (const f of found) targets.set(f.id, { id: f.id, state: f.state });
    }
    const step: Step<RequestState> = REQUEST_STEPS[input.action];
    const from = statesFrom(step);
    const eligible: string[] = [];
    for (const t of targets.values()) {
      if (canStep(step, t.state)) eligible.push(t.id);
      else skipped.push({ target: t.id, reason: `Cannot ${input.action} a request that is ${t.state}.` });
    }
    const now = ctx.now();
    const confirmBy = new Date(now.getTime() + s.confirmationDays * 86400_000);
    const set =
      input.action === "invite"
        ? { state: "invited" as const, decidedAt: now, invitedAt: now, confirmBy, reminderSentAt: null, updatedAt: now }
        : input.action === "waitlist"
          ? { state: "waitlisted" as const, decidedAt: now, waitlistedAt: now, updatedAt: now }
          : { state: nextState(step, from[0]!)!, decidedAt: now, endedAt: now, updatedAt: now };
    const changed: (MailRecipient & { confirmBy: Date | null })[] = [];
    // Declining an invitation or cancelling frees places; promotion computes exactly how many.
    const freed = input.action === "decline" || input.action === "cancel";
    if (eligible.length) {
      const rows = await tx
        .update(R)
        .set(set)
        .where(and(eq(R.eventId, e.id), sql`${R.id} in ${uuidList(eligible)}`, inArray(R.state, from)))
        .returning({ id: R.id, userId: R.userId, email: R.email, name: R.name, locale: R.locale, linkSalt: R.linkSalt, confirmBy: R.confirmBy });
      changed.push(...rows);
    }
    let mails = await mailDecision(ctx, tx, e, s, input.action, changed, input.message);
    if (freed) mails += await promoteFromWaitingList(ctx, tx, e, s);
    return { action: input.action, changed: changed.length, mailsQueued: mails, skipped };
  });
  if (result.mailsQueued) await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, e.id);
  return result;
}
