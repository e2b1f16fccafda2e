import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";
import type { Actor } from "../../platform/permissions.js";
import { eventById } from "../events/index.js";
import { budgetOf, formatMoney, insertMails, isUniqueViolation, lockSettings, renderFor, settingsOf, statusUrl, tokenMatches } from "./common.js";
import { eventForOrganiser, getOwnRequest } from "./queue.js";
import type { stipendApplicantBody, StipendOrganiserBody, stipendRequestBody } from "./schema.js";
import { invitationRequests as R, stipendMessages as M, stipendRequests as S, type StipendState } from "./tables.js";

async function stipendMail(ctx: AppContext, tx: Db, stipendId: string, message: string): Promise<number> {
  const [row] = await tx.select({ r: R, eventId: S.eventId }).from(S).innerJoin(R, eq(R.id, S.requestId)).where(eq(S.id, stipendId));
  if (!row) return 0;
  const { name: eventName } = await eventById(tx, row.eventId);
  return insertMails(ctx, tx, [
    { to: row.r.email, template: "registration.stipend", rendered: renderFor(new Map(), "registration.stipend", row.r.locale, { name: row.r.name, event: eventName, message, link: statusUrl(ctx, row.r), linkLabel: "See my request" }), meta: { stipendId } },
  ]);
}

async function applicantRequest(ctx: AppContext, actor: Actor, requestId: string, token: string | undefined) {
  const [r] = await ctx.db.select().from(R).where(eq(R.id, requestId));
  const ok = r && ((token !== undefined && tokenMatches(ctx, r, token)) || (actor.kind === "user" && actor.id === r.userId));
  if (!ok) throw new NotFoundError("Request");
  return r;
}

export async function requestStipend(ctx: AppContext, actor: Actor, requestId: string, token: string | undefined, input: z.infer<typeof stipendRequestBody>) {
  const r = await applicantRequest(ctx, actor, requestId, token);
  const s = await settingsOf(ctx.db, r.eventId);
  if (!s.questions.stipend || s.stipendBudget <= 0) throw new ConflictError("stipends_not_offered", "This event does not offer travel stipends.");
  if (!["requested", "invited", "waitlisted", "confirmed"].includes(r.state)) throw new ConflictError("not_live", `A stipend can be asked for while the request is live; it is ${r.state}.`, undefined, { state: r.state });
  await ctx.db
    .insert(S)
    .values({ eventId: r.eventId, requestId: r.id, amountAsked: input.amount, currency: input.currency, origin: input.origin, justification: input.justification })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new ConflictError("stipend_exists", "There is already a stipend request for this invitation request; reply to it instead.");
      throw err;
    });
  return getOwnRequest(ctx, actor, requestId, token);
}

const APPLICANT_FROM: Record<z.infer<typeof stipendApplicantBody>["action"], StipendState[]> = {
  accept: ["offered"],
  decline: ["offered"],
  withdraw: ["submitted", "information_needed", "offered"],
  reply: ["submitted", "information_needed", "offered", "accepted"],
};

export async function applicantStipendAction(ctx: AppContext, actor: Actor, requestId: string, token: string | undefined, input: z.infer<typeof stipendApplicantBody>) {
  const r = await applicantRequest(ctx, actor, requestId, token);
  await ctx.db.transaction(async (tx) => {
    await lockSettings(tx, r.eventId);
    const [st] = await tx.select().from(S).where(eq(S.requestId, r.id));
    if (!st) throw new NotFoundError("Stipend request");
    if (!APPLICANT_FROM[input.action].includes(st.state)) throw new ConflictError("stipend_state", `Cannot ${input.action} a stipend request that is ${st.state.replace("_", " ")}.`, undefined, { state: st.state });
    const now = ctx.now();
    const next: StipendState | undefined = input.action === "accept" ? "accepted" : input.action === "decline" ? "declined" : input.action === "withdraw" ? "withdrawn" : st.state === "information_needed" ? "submitted" : undefined;
    // Accepting keeps the amount already reserved by the offer: acceptances never add to what is committed.
    if (next) await tx.update(S).set({ state: next, updatedAt: now }).where(eq(S.id, st.id));
    if (input.message) await tx.insert(M).values({ stipendId: st.id, from: "applicant", internal: false, body: input.message, createdAt: now });
  });
  return getOwnRequest(ctx, actor, requestId, token);
}

const ORGANISER_FROM: Record<StipendOrganiserBody["action"], StipendState[]> = {
  request_information: ["submitted", "information_needed"],
  offer: ["submitted", "information_needed", "offered", "declined"],
  reject: ["submitted", "information_needed", "offered"],
  reimburse: ["accepted"],
  message: [...(["submitted", "information_needed", "offered", "accepted", "declined", "reimbursed", "withdrawn", "rejected"] as StipendState[])],
};

/**
 * An organiser's step on a stipend. Offers are checked against the budget inside the event's
 * settings-row lock, so parallel offers can never together exceed it.
 */
export async function organiserStipendAction(ctx: AppContext, actor: Actor, community: string, event: string, stipendId: string, input: StipendOrganiserBody) {
  const { e } = await eventForOrganiser(ctx, actor, community, event, "registration.manage");
  let mailed = 0;
  await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, e.id);
    const [st] = await tx.select().from(S).where(and(eq(S.id, stipendId), eq(S.eventId, e.id)));
    if (!st) throw new NotFoundError("Stipend request");
    if (!ORGANISER_FROM[input.action].includes(st.state)) throw new ConflictError("stipend_state", `Cannot ${input.action.replace("_", " ")} a stipend request that is ${st.state.replace("_", " ")}.`, undefined, { state: st.state });
    const now = ctx.now();
    const authorId = actor.kind === "user" ? actor.id : null;
    let message = input.message;
    if (input.action === "offer") {
      const amount = input.amount!;
      if (st.currency === s.stipendCurrency && amount > st.amountAsked) throw new ValidationError("An offer cannot be more than was asked.", { amount: [`At most ${st.amountAsked} (${formatMoney(st.amountAsked, st.currency)}).`] });
      const b = await budgetOf(tx, e.id, s, st.id);
      if (amount > b.left) throw new ConflictError("budget_exceeded", `Only ${formatMoney(b.left, s.stipendCurrency)} of the stipend budget is left.`, { amount: [`At most ${b.left}.`] }, { budget: b });
      await tx.update(S).set({ state: "offered", amountOffered: amount, updatedAt: now }).where(eq(S.id, st.id));
      message = `We can offer you a travel stipend of ${formatMoney(amount, s.stipendCurrency)}.${message ? `\n\n${message}` : ""} Please accept or decline it on your request's page.`;
    } else if (input.action === "reimburse") {
      if (input.amount! > (st.amountOffered ?? 0)) throw new ValidationError("A reimbursement cannot exceed the accepted offer.", { amount: [`At most ${st.amountOffered ?? 0}.`] });
      await tx.update(S).set({ state: "reimbursed", amountReimbursed: input.amount!, updatedAt: now }).where(eq(S.id, st.id));
    } else if (input.action === "request_information") {
      await tx.update(S).set({ state: "information_needed", updatedAt: now }).where(eq(S.id, st.id));
    } else if (input.action === "reject") {
      await tx.update(S).set({ state: "rejected", updatedAt: now }).where(eq(S.id, st.id));
      message = message || "We are sorry that we cannot offer you a travel stipend this time.";
    }
    if (message) {
      await tx.insert(M).values({ stipendId: st.id, from: "organiser", internal: false, authorId, body: message, createdAt: now });
      mailed = await stipendMail(ctx, tx, st.id, message);
    }
    if (input.internalNote) await tx.insert(M).values({ stipendId: st.id, from: "organiser", internal: true, authorId, body: input.internalNote, createdAt: now });
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
  return listStipends(ctx, actor, community, event, [stipendId]);
}

export async function listStipends(ctx: AppContext, actor: Actor, community: string, event: string, only?: string[]) {
  const { e, s } = await eventForOrganiser(ctx, actor, community, event, "registration.view");
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
      messages: msgs.filter((m) => m.stipendId === st.id).map((m) => ({ id: m.id, from: m.from, internal: m.internal, body: m.body, createdAt: m.createdAt.toISOString() })),
    })),
  };
}
