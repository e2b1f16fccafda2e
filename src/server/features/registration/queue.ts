import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, DomainError, NotFoundError, UnauthenticatedError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";
import type { Template } from "../../platform/mail/templates.js";
import { authorize, type Actor } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { currencyDigits } from "../../../shared/i18n/format.js";
import { findOrCreateEmailAccount, issueEmailToken, verifyEmailWithToken } from "../accounts/index.js";
import { users } from "../../platform/auth/tables.js";
import { eventById, eventBySlugs } from "../events/index.js";
import { answerBy, answerByDate } from "./business-days.js";
import {
  budgetOf,
  communitySlugOf,
  eventVars,
  feeLine,
  formatWhen,
  insertMails,
  isUniqueViolation,
  iso,
  jsonList,
  lockSettings,
  cachedCounters,
  requestsChanged,
  newCheckinCode,
  newSalt,
  placeCounts,
  renderFor,
  settingsOf,
  statusUrl,
  templateOverrides,
  tokenMatches,
  uuidList,
  visibleEvent,
  type EventRow,
  type QueuedMail,
  type RequestRow,
  type SettingsRow,
} from "./common.js";
import type { ApplicantView, CreateRequestBody, DecisionBody, PutSettingsBody, QueueQuery, SettingsView } from "./schema.js";
import { LIVE_STATES, REQUEST_STATES, invitationRequests, ledgerEntries, registrationSettings, requestNotes, stipendMessages, stipendRequests, type RequestState } from "./tables.js";

const R = invitationRequests;

// ---------------------------------------------------------------- settings

function settingsView(e: EventRow, s: SettingsRow, now: Date, counts: { confirmed: number }, forOrganiser: boolean): SettingsView {
  return {
    eventId: e.id,
    eventName: e.name,
    timeZone: e.timeZone,
    capacity: s.capacity,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    open: now >= s.opensAt && now < s.closesAt,
    responseBusinessDays: s.responseBusinessDays,
    holidays: s.holidays,
    confirmationDays: s.confirmationDays,
    feeAmount: s.feeAmount,
    feeCurrency: s.feeCurrency,
    feeInstructions: s.feeInstructions,
    beneficiaryName: s.beneficiaryName,
    beneficiaryUrl: s.beneficiaryUrl,
    waiversAllowed: s.waiversAllowed,
    stipendBudget: forOrganiser ? s.stipendBudget : null,
    stipendCurrency: s.stipendCurrency,
    questions: s.questions,
    placesLeft: Math.max(0, s.capacity - counts.confirmed),
  };
}

export async function getPublicSettings(ctx: AppContext, actor: Actor, community: string, event: string): Promise<SettingsView> {
  const e = await visibleEvent(ctx, actor, community, event);
  const s = await settingsOf(ctx.db, e.id);
  return settingsView(e, s, ctx.now(), await placeCounts(ctx.db, e.id), false);
}

export async function getSettings(ctx: AppContext, actor: Actor, community: string, event: string): Promise<SettingsView> {
  const e = await eventBySlugs(ctx.db, community, event);
  await authorize(ctx, actor, "registration.view", { eventId: e.id, communityId: e.communityId });
  const s = await settingsOf(ctx.db, e.id);
  return settingsView(e, s, ctx.now(), await placeCounts(ctx.db, e.id), true);
}

export async function putSettings(ctx: AppContext, actor: Actor, community: string, event: string, input: PutSettingsBody): Promise<SettingsView> {
  const e = await eventBySlugs(ctx.db, community, event);
  await authorize(ctx, actor, "registration.manage", { eventId: e.id, communityId: e.communityId });
  const queued = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(registrationSettings).where(eq(registrationSettings.eventId, e.id)).for("update");
    const capacity = input.capacity ?? current?.capacity ?? e.capacity ?? undefined;
    const opensAt = input.opensAt ? new Date(input.opensAt) : current?.opensAt;
    const closesAt = input.closesAt ? new Date(input.closesAt) : current?.closesAt;
    const missing: FieldErrors = {};
    if (capacity === undefined) missing.capacity = ["Give the number of places."];
    if (!opensAt) missing.opensAt = ["Say when requests open."];
    if (!closesAt) missing.closesAt = ["Say when requests close."];
    if (Object.keys(missing).length) throw new ValidationError("Registration needs a capacity and a request window.", missing);
    if (opensAt! >= closesAt!) throw new ValidationError("The request window must close after it opens.", { closesAt: [`Requests open ${opensAt!.toISOString()}; they must close later.`] });
    const feeAmount = input.feeAmount ?? current?.feeAmount ?? 0;
    const beneficiaryName = input.beneficiaryName ?? current?.beneficiaryName ?? "";
    if (feeAmount > 0 && !beneficiaryName) throw new ValidationError("Fees go to a beneficiary: name it.", { beneficiaryName: ["Name the charity or organisation that receives the fees."] });
    const { confirmed } = await placeCounts(tx, e.id);
    if (capacity! < confirmed) throw new ConflictError("capacity_below_confirmed", `${confirmed} people have confirmed; the capacity cannot be lower.`, { capacity: [`At least ${confirmed}.`] });
    if (current) await checkStipendCommitments(tx, current, input);
    const holidays = input.holidays ? [...new Set(input.holidays)].sort() : undefined;
    const values = { ...input, capacity: capacity!, opensAt: opensAt!, closesAt: closesAt!, ...(holidays ? { holidays } : {}), updatedAt: ctx.now() };
    if (current) await tx.update(registrationSettings).set(values).where(eq(registrationSettings.eventId, e.id));
    else await tx.insert(registrationSettings).values({ ...values, eventId: e.id });
    // More places may let waitlisted people in.
    return promoteWaitlisted(ctx, tx, e, await lockSettings(tx, e.id));
  });
  if (queued) await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, e.id);
  return getSettings(ctx, actor, community, event);
}

/**
 * Money already promised to applicants binds the stipend settings, as confirmed people bind
 * the capacity: the budget cannot drop below what is offered or accepted, and its currency
 * cannot change while an offer in it is open.
 */
async function checkStipendCommitments(tx: Db, current: SettingsRow, input: PutSettingsBody): Promise<void> {
  const b = await budgetOf(tx, current.eventId, current);
  const committed = b.offered + b.accepted;
  const currency = current.stipendCurrency;
  if (input.stipendCurrency !== undefined && input.stipendCurrency !== currency && committed > 0) {
    const [{ n }] = (await tx.select({ n: count() }).from(stipendRequests).where(and(eq(stipendRequests.eventId, current.eventId), inArray(stipendRequests.state, ["offered", "accepted"])))) as [{ n: number }];
    throw new ConflictError("stipend_currency_locked", msg("registration.errors.currencyLocked", { count: Number(n), currency }), { stipendCurrency: [msg("registration.errors.currencyLockedField", { currency })] }, { offered: b.offered, accepted: b.accepted, currency });
  }
  if (input.stipendBudget !== undefined && input.stipendBudget < committed) {
    const amount = `${committed / 10 ** currencyDigits(currency)} ${currency}`;
    throw new ConflictError("budget_below_committed", msg("registration.errors.budgetBelowCommitted", { committed: amount }), { stipendBudget: [msg("registration.errors.budgetBelowCommittedField", { committed: amount })] }, { offered: b.offered, accepted: b.accepted, currency });
  }
}

// ---------------------------------------------------------------- applicants

function checkAnswers(s: SettingsRow, input: CreateRequestBody): FieldErrors {
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

async function applicantView(ctx: AppContext, db: Db, r: RequestRow): Promise<ApplicantView> {
  const e = await eventById(db, r.eventId);
  const s = await settingsOf(db, r.eventId);
  const communitySlug = await communitySlugOf(db, e.communityId);
  const money = await db
    .select({ kind: ledgerEntries.kind, amount: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.requestId, r.id))
    .groupBy(ledgerEntries.kind);
  const sum = (k: string) => money.find((m) => m.kind === k)?.amount ?? 0;
  const waived = sum("waiver") > 0;
  const paid = sum("payment") - sum("refund") >= s.feeAmount;
  const [st] = await db.select().from(stipendRequests).where(eq(stipendRequests.requestId, r.id));
  const msgs = st
    ? await db.select().from(stipendMessages).where(and(eq(stipendMessages.stipendId, st.id), eq(stipendMessages.internal, false))).orderBy(asc(stipendMessages.createdAt))
    : [];
  const live = (LIVE_STATES as readonly string[]).includes(r.state);
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
    fee: { amount: s.feeAmount, currency: s.feeCurrency, beneficiaryName: s.beneficiaryName, beneficiaryUrl: s.beneficiaryUrl, instructions: s.feeInstructions, paid: s.feeAmount === 0 || paid, waived },
    stipend: st
      ? { id: st.id, state: st.state, amountAsked: st.amountAsked, currency: st.currency, amountOffered: st.amountOffered, messages: msgs.map((m) => ({ from: m.from, body: m.body, createdAt: m.createdAt.toISOString() })) }
      : null,
    can: {
      withdraw: live,
      confirm: r.state === "invited" && !!r.confirmBy && r.confirmBy > ctx.now(),
      requestStipend: !st && s.questions.stipend && live && r.state !== "unverified",
    },
  };
}

export async function createRequest(ctx: AppContext, actor: Actor, community: string, event: string, input: CreateRequestBody) {
  const e = await visibleEvent(ctx, actor, community, event);
  const s = await settingsOf(ctx.db, e.id);
  const now = ctx.now();
  if (now < s.opensAt || now >= s.closesAt) {
    const when = `${formatWhen(s.opensAt, e.timeZone)} to ${formatWhen(s.closesAt, e.timeZone)}`;
    throw new DomainError(now < s.opensAt ? "requests_not_open" : "requests_closed", now < s.opensAt ? `Invitation requests open ${formatWhen(s.opensAt, e.timeZone)}; the window is ${when}.` : `Invitation requests closed ${formatWhen(s.closesAt, e.timeZone)}; the window was ${when}.`, undefined, {
      window: { opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString(), timeZone: e.timeZone },
    });
  }
  const fields = checkAnswers(s, input);
  const signedIn = actor.kind === "user";
  if (!signedIn) {
    if (!input.email) fields.email = ["Enter your email address, or sign in."];
    if (!input.name) fields.name = ["Enter your name."];
  }
  if (Object.keys(fields).length) throw new ValidationError("Some answers need attention.", fields);
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
        const token = await issueEmailToken(ctx, tx, user.id, "verify");
        const overrides = new Map();
        const link = `${ctx.config.baseUrl}/registration/verify?request=${r!.id}&token=${token}`;
        await insertMails(ctx, tx, [{ to: email, template: "registration.verify", rendered: renderFor(overrides, "registration.verify", r!.locale, { name, ...eventVars(e), link, linkLabel: "Confirm my request" }), meta: { requestId: r!.id } }]);
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
    throw new ConflictError("request_exists", own ? "You already have a request for this event; see its status." : "There is already a request from this address for this event. We have sent its status link to the address again.", { email: ["This address already has a request for this event."] }, { requestId: duplicate.id, state: duplicate.state, statusUrl: own ? statusUrl(ctx, duplicate) : null, statusApi: `/api/v1/registration/requests/${duplicate.id}` });
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
  await insertMails(ctx, tx, [
    { to: r.email, template: "registration.received", rendered: renderFor(new Map(), "registration.received", r.locale, { name: r.name, ...eventVars(e), answerBy: formatWhen(r.answerBy, e.timeZone), link: statusUrl(ctx, r), linkLabel: "See my request" }), meta: { requestId: r.id } },
  ]);
}

async function mailStatusLink(ctx: AppContext, tx: Db, e: EventRow, r: RequestRow): Promise<void> {
  if (r.state === "unverified") {
    const token = await issueEmailToken(ctx, tx, r.userId, "verify");
    const link = `${ctx.config.baseUrl}/registration/verify?request=${r.id}&token=${token}`;
    await insertMails(ctx, tx, [{ to: r.email, template: "registration.verify", rendered: renderFor(new Map(), "registration.verify", r.locale, { name: r.name, ...eventVars(e), link, linkLabel: "Confirm my request" }), meta: { requestId: r.id } }]);
    return;
  }
  await insertMails(ctx, tx, [{ to: r.email, template: "registration.status-link", rendered: renderFor(new Map(), "registration.status-link", r.locale, { name: r.name, ...eventVars(e), link: statusUrl(ctx, r), linkLabel: "See my request" }), meta: { requestId: r.id } }]);
}

/** The emailed link proves the address: the request enters the queue, its answer-by date counted from now. */
export async function verifyRequest(ctx: AppContext, requestId: string, token: string) {
  const r = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(R).where(eq(R.id, requestId)).for("update");
    // An unknown request answers as an unusable link does: anonymous requests' ids are not probed.
    if (!row) throw new DomainError("invalid_link", msg("accounts.errors.linkUsed"), { token: [msg("accounts.errors.linkUsedField")] });
    const user = await verifyEmailWithToken(ctx, tx, token);
    if (user.id !== row.userId) throw new DomainError("invalid_link", "This link does not belong to this request.", { token: ["not for this request"] });
    if (row.state !== "unverified") return row;
    const e = await eventById(tx, row.eventId);
    const s = await settingsOf(tx, row.eventId);
    const now = ctx.now();
    const [updated] = await tx
      .update(R)
      .set({ state: "requested", requestedAt: now, answerBy: answerBy(now, s.responseBusinessDays, e.timeZone, s.holidays), updatedAt: now })
      .where(eq(R.id, row.id))
      .returning();
    await mailReceived(ctx, tx, e, updated!);
    return updated!;
  });
  await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, r.eventId);
  return { ...(await applicantView(ctx, ctx.db, r)), statusUrl: statusUrl(ctx, r), needsVerification: false };
}

/** The applicant: by the secret from their status link, or signed in as the requester. Anyone else gets 404. */
async function ownRequest(ctx: AppContext, db: Db, actor: Actor, requestId: string, token: string | undefined, lock = false): Promise<RequestRow> {
  const q = db.select().from(R).where(eq(R.id, requestId));
  const [r] = lock ? await q.for("update") : await q;
  const ok = r && ((token !== undefined && tokenMatches(ctx, r, token)) || (actor.kind === "user" && actor.id === r.userId));
  // Not found, whether it does not exist or is someone else's: ids are not probed.
  if (!ok) throw new DomainError("not_found", "Request was not found. Open the link from your mail, or sign in as the person who made the request.");
  return r;
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
    if (cur!.state !== "invited") throw new ConflictError("not_invited", `Only an invitation can be confirmed; this request is ${cur!.state}.`, undefined, { state: cur!.state });
    if (!cur!.confirmBy || cur!.confirmBy <= now) throw new ConflictError("invitation_expired", `This invitation had to be confirmed by ${cur!.confirmBy?.toISOString() ?? "its deadline"}.`, undefined, { confirmBy: iso(cur!.confirmBy) });
    const [{ n }] = (await tx.select({ n: count() }).from(R).where(and(eq(R.eventId, r.eventId), eq(R.state, "confirmed")))) as [{ n: number }];
    if (n >= s.capacity) throw new ConflictError("event_full", `All ${s.capacity} places are taken. You stay invited; if a place frees up before ${cur!.confirmBy.toISOString()}, you can confirm.`, undefined, { capacity: s.capacity });
    const e = await eventById(tx, r.eventId);
    for (let attempt = 0; ; attempt++) {
      const code = newCheckinCode();
      try {
        const [u] = await tx.transaction(async (sp) => sp.update(R).set({ state: "confirmed", confirmedAt: now, checkinCode: code, updatedAt: now }).where(eq(R.id, r.id)).returning());
        const overrides = await templateOverrides(tx, r.eventId);
        await insertMails(ctx, tx, [
          { to: u!.email, template: "registration.confirmed", rendered: renderFor(overrides, "registration.confirmed", u!.locale, { name: u!.name, ...eventVars(e), checkinCode: code, feeLine: feeLine(s), link: statusUrl(ctx, u!), linkLabel: "See my registration" }), meta: { requestId: u!.id } },
        ]);
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

// ---------------------------------------------------------------- organisers

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function eventForOrganiser(ctx: AppContext, actor: Actor, community: string, event: string, capability: "registration.view" | "registration.manage" | "registration.checkin") {
  const e = await eventBySlugs(ctx.db, community, event);
  await authorize(ctx, actor, capability, { eventId: e.id, communityId: e.communityId });
  const s = await settingsOf(ctx.db, e.id);
  return { e, s };
}

export async function stateCounters(db: Db, eventId: string, now: Date) {
  const rows = await db
    .select({ state: R.state, n: count(), overdue: sql<number>`count(*) filter (where ${R.answerBy} < ${now.toISOString()}::timestamptz)`.mapWith(Number) })
    .from(R)
    .where(eq(R.eventId, eventId))
    .groupBy(R.state);
  const counters = Object.fromEntries(REQUEST_STATES.map((st) => [st, 0])) as Record<RequestState, number>;
  let overdue = 0;
  for (const r of rows) {
    counters[r.state] = Number(r.n);
    if (r.state === "requested") overdue = r.overdue;
  }
  return { counters, overdue };
}

export async function queue(ctx: AppContext, actor: Actor, community: string, event: string, q: QueueQuery) {
  const { e, s } = await eventForOrganiser(ctx, actor, community, event, "registration.view");
  const now = ctx.now();
  const where: SQL[] = [eq(R.eventId, e.id)];
  if (q.state?.length) where.push(inArray(R.state, q.state));
  else where.push(sql`${R.state} <> 'unverified'`);
  if (q.overdue !== undefined) where.push(q.overdue ? and(eq(R.state, "requested"), lt(R.answerBy, now))! : sql`not (${R.state} = 'requested' and ${R.answerBy} < ${now.toISOString()}::timestamptz)`);
  if (q.needsStipend !== undefined) where.push(q.needsStipend ? sql`(${R.answers}->>'needsStipend') = 'true'` : sql`coalesce(${R.answers}->>'needsStipend', 'false') <> 'true'`);
  if (q.q?.trim()) where.push(or(ilike(R.name, likeOf(q.q.trim())), ilike(R.email, likeOf(q.q.trim())))!);
  const order = { answerBy: [asc(R.answerBy), asc(R.id)], "-answerBy": [desc(R.answerBy), desc(R.id)], requestedAt: [asc(R.requestedAt), asc(R.id)], "-requestedAt": [desc(R.requestedAt), desc(R.id)], name: [asc(R.name), asc(R.id)] }[q.sort];
  const cond = and(...where);
  const filtered = !!(q.state?.length || q.overdue !== undefined || q.needsStipend !== undefined || q.q?.trim());
  const [rows, stats, counted] = await Promise.all([
    ctx.db
      .select({
        id: R.id,
        name: R.name,
        email: R.email,
        state: R.state,
        requestedAt: R.requestedAt,
        answerBy: R.answerBy,
        answers: R.answers,
        confirmBy: R.confirmBy,
        notes: sql<number>`(select count(*) from ${requestNotes} where ${requestNotes.requestId} = ${R.id})`.mapWith(Number),
      })
      .from(R)
      .where(cond)
      .orderBy(...order)
      .limit(q.limit)
      .offset(q.offset),
    cachedCounters(ctx, e.id, () => stateCounters(ctx.db, e.id, now)),
    // Unfiltered, the total is the sum of the counters: no second scan.
    filtered ? ctx.db.select({ n: count() }).from(R).where(cond) : Promise.resolve(null),
  ]);
  const total = counted ? Number(counted[0]?.n ?? 0) : REQUEST_STATES.reduce((a, st) => (st === "unverified" ? a : a + stats.counters[st]), 0);
  const places = { confirmed: stats.counters.confirmed };
  return {
    requests: rows.map((r) => queueRow(r, r.notes, now)),
    total,
    counters: stats.counters,
    overdue: stats.overdue,
    capacity: s.capacity,
    confirmed: places.confirmed,
    placesLeft: Math.max(0, s.capacity - places.confirmed),
  };
}

/** How a request appears in the queue; the detail view adds to it. */
function queueRow(r: Pick<RequestRow, "id" | "name" | "email" | "state" | "requestedAt" | "answerBy" | "answers" | "confirmBy">, notes: number, now: Date) {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    state: r.state,
    requestedAt: r.requestedAt.toISOString(),
    answerBy: r.answerBy.toISOString(),
    overdue: r.state === "requested" && r.answerBy < now,
    workOn: r.answers.workOn,
    affiliation: r.answers.affiliation ?? null,
    needsStipend: r.answers.needsStipend === true,
    confirmBy: iso(r.confirmBy),
    notes,
  };
}

async function requestOfEvent(db: Db, eventId: string, requestId: string): Promise<RequestRow> {
  const [r] = await db.select().from(R).where(and(eq(R.id, requestId), eq(R.eventId, eventId)));
  if (!r) throw new NotFoundError("Request");
  return r;
}

export async function requestDetail(ctx: AppContext, actor: Actor, community: string, event: string, requestId: string) {
  const { e } = await eventForOrganiser(ctx, actor, community, event, "registration.view");
  const r = await requestOfEvent(ctx.db, e.id, requestId);
  const notes = await ctx.db
    .select({ id: requestNotes.id, body: requestNotes.body, authorName: users.name, createdAt: requestNotes.createdAt })
    .from(requestNotes)
    .leftJoin(users, eq(users.id, requestNotes.authorId))
    .where(eq(requestNotes.requestId, r.id))
    .orderBy(asc(requestNotes.createdAt));
  const now = ctx.now();
  return {
    ...queueRow(r, notes.length, now),
    answers: r.answers,
    checkinCode: r.checkinCode,
    checkedInAt: iso(r.checkedInAt),
    notesList: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.authorName, createdAt: n.createdAt.toISOString() })),
  };
}

export async function addNote(ctx: AppContext, actor: Actor, community: string, event: string, requestId: string, body: string) {
  const { e } = await eventForOrganiser(ctx, actor, community, event, "registration.manage");
  const r = await requestOfEvent(ctx.db, e.id, requestId);
  await ctx.db.insert(requestNotes).values({ requestId: r.id, authorId: actor.kind === "user" ? actor.id : null, body });
  return requestDetail(ctx, actor, community, event, requestId);
}

const FROM_STATES: Record<DecisionBody["action"], RequestState[]> = {
  invite: ["requested", "waitlisted"],
  waitlist: ["requested"],
  decline: ["requested", "waitlisted", "invited"],
  cancel: ["invited", "confirmed"],
};
const TO_STATE: Record<DecisionBody["action"], RequestState> = { invite: "invited", waitlist: "waitlisted", decline: "declined", cancel: "cancelled" };

export function parseEmailList(text: string): string[] {
  return [...new Set(text.split(/[\s,;<>]+/).map((x) => x.trim().toLowerCase()).filter((x) => x.includes("@")))];
}

interface DecisionMailRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  linkSalt: string;
  confirmBy: Date | null;
}

const DECISION_TEMPLATE = { invite: "registration.invited", waitlist: "registration.waitlisted", decline: "registration.declined", cancel: "registration.cancelled" } as const;

function decisionMail(ctx: AppContext, overrides: Map<string, Template>, e: EventRow, s: SettingsRow, action: DecisionBody["action"], r: DecisionMailRow, message: string): QueuedMail {
  const template = DECISION_TEMPLATE[action];
  const vars: Record<string, string> = { name: r.name, ...eventVars(e), link: statusUrl(ctx, r), linkLabel: action === "invite" ? "Confirm my place" : "See my request", message };
  if (action === "invite") Object.assign(vars, { confirmBy: formatWhen(r.confirmBy!, e.timeZone), feeLine: feeLine(s) });
  return { to: r.email, template, rendered: renderFor(overrides, template, r.locale, vars), meta: { requestId: r.id, action } };
}

/**
 * One decision on many requests, in one transaction with its mails: set-based UPDATEs and
 * multi-row outbox inserts, so 5,000 decisions take one round of statements, not 5,000.
 */
export async function decide(ctx: AppContext, actor: Actor, community: string, event: string, input: DecisionBody) {
  const { e } = await eventForOrganiser(ctx, actor, community, event, "registration.manage");
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
    const from = FROM_STATES[input.action];
    const eligible: string[] = [];
    for (const t of targets.values()) {
      if (from.includes(t.state)) eligible.push(t.id);
      else skipped.push({ target: t.id, reason: `Cannot ${input.action} a request that is ${t.state}.` });
    }
    const now = ctx.now();
    const confirmBy = new Date(now.getTime() + s.confirmationDays * 86400_000);
    const set =
      input.action === "invite"
        ? { state: "invited" as const, decidedAt: now, invitedAt: now, confirmBy, reminderSentAt: null, updatedAt: now }
        : input.action === "waitlist"
          ? { state: "waitlisted" as const, decidedAt: now, waitlistedAt: now, updatedAt: now }
          : { state: TO_STATE[input.action], decidedAt: now, endedAt: now, updatedAt: now };
    const changed: DecisionMailRow[] = [];
    // Declining an invitation or cancelling frees places; promotion computes exactly how many.
    const freed = input.action === "decline" || input.action === "cancel";
    if (eligible.length) {
      const rows = await tx
        .update(R)
        .set(set)
        .where(and(eq(R.eventId, e.id), sql`${R.id} in ${uuidList(eligible)}`, inArray(R.state, from)))
        .returning({ id: R.id, email: R.email, name: R.name, locale: R.locale, linkSalt: R.linkSalt, confirmBy: R.confirmBy });
      changed.push(...rows);
    }
    const overrides = await templateOverrides(tx, e.id);
    let mails = await insertMails(ctx, tx, changed.map((r) => decisionMail(ctx, overrides, e, s, input.action, r, input.message)));
    if (freed) mails += await promoteWaitlisted(ctx, tx, e, s);
    return { action: input.action, changed: changed.length, mailsQueued: mails, skipped };
  });
  if (result.mailsQueued) await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, e.id);
  return result;
}

/**
 * Fills free places from the waiting list, in the documented order: earliest request first
 * (request time, then id). A place is free when confirmed attendees plus open invitations are
 * fewer than the capacity. Call with the settings row locked; returns the mails queued.
 */
export async function promoteWaitlisted(ctx: AppContext, tx: Db, e: EventRow, s: SettingsRow): Promise<number> {
  const { confirmed, invited } = await placeCounts(tx, e.id);
  const free = s.capacity - confirmed - invited;
  if (free <= 0) return 0;
  const now = ctx.now();
  const confirmBy = new Date(now.getTime() + s.confirmationDays * 86400_000);
  const next = await tx
    .select({ id: R.id })
    .from(R)
    .where(and(eq(R.eventId, e.id), eq(R.state, "waitlisted")))
    .orderBy(asc(R.requestedAt), asc(R.id))
    .limit(free)
    .for("update", { skipLocked: true });
  if (next.length === 0) return 0;
  const rows = await tx
    .update(R)
    .set({ state: "invited", decidedAt: now, invitedAt: now, confirmBy, reminderSentAt: null, updatedAt: now })
    .where(and(inArray(R.id, next.map((n) => n.id)), eq(R.state, "waitlisted")))
    .returning({ id: R.id, email: R.email, name: R.name, locale: R.locale, linkSalt: R.linkSalt, confirmBy: R.confirmBy });
  const overrides = await templateOverrides(tx, e.id);
  return insertMails(ctx, tx, rows.map((r) => decisionMail(ctx, overrides, e, s, "invite", r, "A place has become free, so you are invited from the waiting list.")));
}

