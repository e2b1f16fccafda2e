import { and, eq, inArray, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, InvalidLinkError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { findOrCreateEmailAccount, issueEmailToken, verifyEmailWithToken } from "../accounts/index.js";
import { eventById, type EventRow } from "../events/index.js";
import type { CreateRequestBody } from "./schema.js";
import { LIVE_STATES, invitationRequests as R, type RequestState } from "./tables.js";
import { type SettingsRow, type RequestRow, visibleEvent, settingsOf } from "./event-registration.js";
import { newSalt, statusUrl } from "./status-link.js";
import { formatWhen, mailRequests } from "./mails.js";
import { REQUEST_STEPS, nextState } from "./rules.js";
import { requestsChanged } from "./changes.js";
import { answerBy } from "./business-days.js";
import { applicantView } from "./status-page.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { isUniqueViolation } from "../../platform/db/sql.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** Requesting an invitation, signed in or by address, and confirming the address from the mail. */
export function checkAnswers(s: SettingsRow, input: CreateRequestBody): FieldErrors {
  const fields: FieldErrors = {};
  const byId = new Map(s.questions.extra.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(input.extra)) {
    const q = byId.get(id);
    if (!q) (fields[`extra.${id}`] ??= []).push("This event does not ask this question.");
    else if (value.length > q.maxLength) (fields[`extra.${id}`] ??= []).push(`Use at most ${q.maxLength} characters.`);
  }
  for (const q of s.questions.extra) if (q.required && !(input.extra[q.id] ?? "").trim()) (fields[`extra.${q.id}`] ??= []).push(`Answer: ${q.label}`);
  return fields;
}

const edgeFormats = new Map<string, Intl.DateTimeFormat>();
/** "2030-05-01 09:00 (Europe/London)": a request window's edge in the event's zone, read alike in every language. */
function windowEdge(instant: Date, timeZone: string): string {
  let f = edgeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (edgeFormats.size < 600) edgeFormats.set(timeZone, f);
  }
  return `${f.format(instant)} (${timeZone})`;
}

export async function createRequest(ctx: AppContext, actor: Actor, community: string, event: string, input: CreateRequestBody) {
  const e = await visibleEvent(ctx, actor, community, event);
  const s = await settingsOf(ctx.db, e.id);
  const now = ctx.now();
  if (now < s.opensAt || now >= s.closesAt) {
    const edges = { opens: windowEdge(s.opensAt, e.timeZone), closes: windowEdge(s.closesAt, e.timeZone) };
    const early = now < s.opensAt;
    throw new ConflictError(early ? "requests_not_open" : "requests_closed", msg(early ? "registration.errors.notOpen" : "registration.errors.closed", edges), undefined, {
      window: { opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString(), timeZone: e.timeZone },
    });
  }
  const fields = checkAnswers(s, input);
  const signedIn = actor.kind === "user";
  if (!signedIn) {
    if (!input.email) fields.email = ["Enter your email address, or sign in."];
    if (!input.name) fields.name = ["Enter your name."];
  }
  if (Object.keys(fields).length) throw new ValidationError(msg("registration.errors.answersNeedAttention"), fields);
  const email = signedIn ? actor.email : input.email!;
  const name = signedIn ? actor.name : input.name!;
  const answers = {
    workOn: input.workOn,
    ...(s.questions.affiliation && input.affiliation ? { affiliation: input.affiliation } : {}),
    ...(s.questions.stipend && input.needsStipend !== undefined ? { needsStipend: input.needsStipend } : {}),
    extra: input.extra,
  };
  const submit = () =>
    ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(R)
        .where(and(eq(R.eventId, e.id), sql`lower(${R.email}) = lower(${email})`, inArray(R.state, [...LIVE_STATES])));
      if (existing) {
        // Whoever typed the address may not own it: the status link goes to the address, not to the caller.
        if (!(signedIn && existing.userId === actor.id)) await mailStatusLink(ctx, tx, e, existing);
        return { created: null, duplicate: existing };
      }
      const user = signedIn ? { id: actor.id, locale: input.locale ?? "en" } : await findOrCreateEmailAccount(tx, { email, name, locale: input.locale ?? "en" });
      const state: RequestState = signedIn ? "requested" : "unverified";
      const [r] = await tx
        .insert(R)
        .values({ eventId: e.id, userId: user.id, email, name, locale: input.locale ?? user.locale, state, answers, linkSalt: newSalt(), requestedAt: now, answerBy: answerBy(now, s.responseBusinessDays, e.timeZone, s.holidays) })
        .returning();
      if (signedIn) await mailReceived(ctx, tx, e, r!);
      else {
        await mailVerifyLink(ctx, tx, e, r!);
      }
      return { created: r!, duplicate: null };
    });
  // Two identical requests at once: the loser's insert meets the unique index; run again, it then finds the winner's row.
  const { created, duplicate } = await submit().catch((err: unknown) => (isUniqueViolation(err) ? submit() : Promise.reject(err)));
  await ctx.bus.publish(MAIL_QUEUED);
  if (created) await requestsChanged(ctx, e.id);
  if (duplicate && signedIn) {
    // Signed in, the address is the caller's own account's: they are pointed to their request.
    const own = duplicate.userId === actor.id;
    throw new ConflictError("request_exists", msg(own ? "registration.errors.requestExistsOwn" : "registration.errors.requestExists"), { email: [msg("registration.errors.requestExistsField")] }, { requestId: duplicate.id, state: duplicate.state, statusUrl: own ? statusUrl(ctx, duplicate) : null, statusApi: `/api/v1/registration/requests/${duplicate.id}` });
  }
  if (duplicate) {
    /*
     * Someone typed an address that already has a request. Whether it does is the owner's
     * business: the answer is the one a new request gets (a request waiting for the address
     * to be confirmed, under an id nobody can open), and the owner is mailed their link.
     */
    const unseen: RequestRow = { ...duplicate, id: randomUUID(), name, email, locale: input.locale ?? "en", state: "unverified", answers, requestedAt: now, answerBy: answerBy(now, s.responseBusinessDays, e.timeZone, s.holidays), confirmBy: null, checkinCode: null };
    return { ...(await applicantView(ctx, ctx.db, unseen)), statusUrl: null, needsVerification: true };
  }
  return { ...(await applicantView(ctx, ctx.db, created!)), statusUrl: signedIn ? statusUrl(ctx, created!) : null, needsVerification: !signedIn };
}

async function mailReceived(ctx: AppContext, tx: Db, e: EventRow, r: RequestRow): Promise<void> {
  await mailRequests(ctx, tx, e, "registration.received", [r], (_, locale) => ({ answerBy: formatWhen(locale, r.answerBy, e.timeZone) }));
}

/** The link that proves the address (a fresh one each time: the token is single-use). */
async function mailVerifyLink(ctx: AppContext, tx: Db, e: EventRow, r: RequestRow): Promise<void> {
  const token = await issueEmailToken(ctx, tx, r.userId, "verify");
  await mailRequests(ctx, tx, e, "registration.verify", [r], () => ({ link: `${ctx.config.baseUrl}/registration/verify?request=${r.id}&token=${token}` }));
}

/** Someone asked again with this address: its owner gets the way back to the request they have. */
async function mailStatusLink(ctx: AppContext, tx: Db, e: EventRow, r: RequestRow): Promise<void> {
  if (r.state === "unverified") await mailVerifyLink(ctx, tx, e, r);
  else await mailRequests(ctx, tx, e, "registration.status-link", [r]);
}

/** The emailed link proves the address: the request enters the queue, its answer-by date counted from now. */
export async function verifyRequest(ctx: AppContext, requestId: string, token: string) {
  const r = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(R).where(eq(R.id, requestId)).for("update");
    // An unknown request answers as an unusable link does: anonymous requests' ids are not probed.
    if (!row) throw new InvalidLinkError(msg("accounts.errors.linkUsed"), { token: [msg("accounts.errors.linkUsedField")] });
    const user = await verifyEmailWithToken(ctx, tx, token);
    if (user.id !== row.userId) throw new InvalidLinkError(msg("registration.errors.linkNotForRequest"), { token: [msg("registration.errors.linkNotForRequestField")] });
    const next = nextState(REQUEST_STEPS.verify, row.state);
    // Verified already (the link opened twice): the request as it is.
    if (!next) return row;
    const e = await eventById(tx, row.eventId);
    const s = await settingsOf(tx, row.eventId);
    const now = ctx.now();
    const [updated] = await tx
      .update(R)
      .set({ state: next, requestedAt: now, answerBy: answerBy(now, s.responseBusinessDays, e.timeZone, s.holidays), updatedAt: now })
      .where(eq(R.id, row.id))
      .returning();
    await mailReceived(ctx, tx, e, updated!);
    return updated!;
  });
  await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, r.eventId);
  return { ...(await applicantView(ctx, ctx.db, r)), statusUrl: statusUrl(ctx, r), needsVerification: false };
}
