import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import type { StipendOrganiserBody } from "./schema.js";
import { stipendMessages as M, invitationRequests as R, stipendRequests as S } from "./tables.js";
import { eventForOrganiser, lockSettings } from "./event-registration.js";
import { listStipends } from "./list-stipends.js";
import { recipientLocale, mailRequests } from "./mails.js";
import { STIPEND_STEPS, nextState } from "./rules.js";
import { budgetOf } from "./budget.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { formatAmount } from "../../../shared/i18n/format.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** Organisers act on a stipend request: ask for information, offer within the budget, reject, reimburse, message. */
/**
 * An organiser's step on a stipend. Offers are checked against the budget inside the event's
 * settings-row lock, so parallel offers can never together exceed it.
 */
export async function organiserStipendAction(ctx: AppContext, target: EventTarget, stipendId: string, input: StipendOrganiserBody) {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  let mailed = 0;
  await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, e.id);
    const [st] = await tx.select().from(S).where(and(eq(S.id, stipendId), eq(S.eventId, e.id)));
    if (!st) throw new NotFoundError(msg("registration.errors.stipendNotFound"));
    const next = nextState(STIPEND_STEPS[input.action], st.state);
    if (!next) throw new ConflictError("stipend_state", msg("registration.errors.stipendState", { state: st.state, step: input.action }), undefined, { state: st.state });
    const now = ctx.now();
    const authorId = target.permit.actor.kind === "user" ? target.permit.actor.id : null;
    const [applicant] = await tx.select().from(R).where(eq(R.id, st.requestId));
    // What the organisers' step says is stored once, in the applicant's language: it is both the mail and the page's thread.
    const locale = await recipientLocale(tx, applicant!);
    const tr = translator(locale);
    let message = input.message;
    if (input.action === "offer") {
      const amount = input.amount!;
      if (st.currency === s.stipendCurrency && amount > st.amountAsked) throw new ValidationError(msg("registration.errors.offerAboveAsked"), { amount: [msg("registration.errors.atMost", { amount: `${st.amountAsked} (${formatAmount(locale, st.amountAsked, st.currency)})` })] });
      const b = await budgetOf(tx, e.id, s, st.id);
      if (amount > b.left) throw new ConflictError("budget_exceeded", msg("registration.errors.budgetExceeded", { left: formatAmount(locale, b.left, s.stipendCurrency) }), { amount: [msg("registration.errors.atMost", { amount: b.left })] }, { budget: b });
      await tx.update(S).set({ state: next, amountOffered: amount, updatedAt: now }).where(eq(S.id, st.id));
      message = [tr.t("mail.registration.stipendOffered", { amount: formatAmount(locale, amount, s.stipendCurrency) }), message, tr.t("mail.registration.stipendOfferedAnswer")].filter(Boolean).join("\n\n");
    } else if (input.action === "reimburse") {
      if (input.amount! > (st.amountOffered ?? 0)) throw new ValidationError(msg("registration.errors.reimbursementAboveOffer"), { amount: [msg("registration.errors.atMost", { amount: st.amountOffered ?? 0 })] });
      await tx.update(S).set({ state: next, amountReimbursed: input.amount!, updatedAt: now }).where(eq(S.id, st.id));
    } else if (input.action === "request_information") {
      await tx.update(S).set({ state: next, updatedAt: now }).where(eq(S.id, st.id));
    } else if (input.action === "reject") {
      await tx.update(S).set({ state: next, updatedAt: now }).where(eq(S.id, st.id));
      message = message || tr.t("mail.registration.stipendRejected");
    }
    if (message) {
      await tx.insert(M).values({ stipendId: st.id, from: "organiser", internal: false, authorId, body: message, createdAt: now });
      mailed = await mailRequests(ctx, tx, e, "registration.stipend", [applicant!], () => ({ message }), () => ({ stipendId: st.id }));
    }
    if (input.internalNote) await tx.insert(M).values({ stipendId: st.id, from: "organiser", internal: true, authorId, body: input.internalNote, createdAt: now });
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
  return listStipends(ctx, target, [stipendId]);
}
