import { timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { fieldErrors } from "../../platform/http/route.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { users } from "../../platform/auth/tables.js";
import type { UserActor } from "../../platform/permissions.js";
import { emitWebhook } from "../../platform/webhooks/emit.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { LOCALISED } from "../../../shared/i18n/zod.js";
import { communityNames } from "../communities/index.js";
import { eventsByIds, type EventTarget } from "../events/index.js";
import { callNotFound, loadCall, publicCallView, type CallRow } from "./call.js";
import { callOpen, COUNTS_TOWARDS_MAX, proposalAllows, proposalCan, type ProposalAction } from "./rules.js";
import { answersSchema, type ProfileBody, type ProfileView, type ProposalBody, type ProposalList, type ProposalView } from "./schema.js";
import { cfpDeclaredConflicts, cfpProposals, cfpProposalSpeakers, speakerProfiles } from "./tables.js";

export type ProposalRow = typeof cfpProposals.$inferSelect;
type SpeakerRow = typeof cfpProposalSpeakers.$inferSelect;

const lower = (s: string) => s.trim().toLowerCase();
export const proposalNotFound = () => new NotFoundError(msg("cfp.errors.proposalNotFound"));
const host = (ctx: AppContext) => new URL(ctx.config.baseUrl).host;
export const callUrl = (ctx: AppContext, e: { communitySlug: string; event: { slug: string } }, path = "") => `${ctx.config.baseUrl}/communities/${e.communitySlug}/events/${e.event.slug}/cfp${path}`;

// ---------------------------------------------------------------- the profile

export async function getProfile(ctx: AppContext, me: UserActor): Promise<ProfileView> {
  const [p] = await ctx.db.select().from(speakerProfiles).where(eq(speakerProfiles.userId, me.id));
  return p ? { name: p.name, affiliation: p.affiliation, biography: p.biography, photoUrl: p.photoUrl, links: p.links, email: me.email } : { name: me.name, affiliation: "", biography: "", photoUrl: null, links: [], email: me.email };
}

export async function putProfile(ctx: AppContext, me: UserActor, body: ProfileBody): Promise<ProfileView> {
  const values = { ...body, updatedAt: ctx.now() };
  await ctx.db
    .insert(speakerProfiles)
    .values({ userId: me.id, ...values })
    .onConflictDoUpdate({ target: speakerProfiles.userId, set: values });
  return getProfile(ctx, me);
}

// ---------------------------------------------------------------- proposals

export interface LoadedProposal {
  row: ProposalRow;
  speakers: SpeakerRow[];
}

export async function speakersOf(db: Db, proposalIds: readonly string[]): Promise<Map<string, SpeakerRow[]>> {
  const out = new Map<string, SpeakerRow[]>(proposalIds.map((id) => [id, []]));
  if (!proposalIds.length) return out;
  const rows = await db.select().from(cfpProposalSpeakers).where(inArray(cfpProposalSpeakers.proposalId, [...proposalIds])).orderBy(asc(cfpProposalSpeakers.position));
  for (const r of rows) out.get(r.proposalId)!.push(r);
  return out;
}

/** A speaker who has accepted, by account: the submitter and co-speakers who said yes. */
const isOwner = (speakers: readonly SpeakerRow[], userId: string) => speakers.some((s) => s.userId === userId && s.status === "accepted");

const moment = (call: CallRow, now: Date) => ({ open: callOpen(now, call.opensAt, call.closesAt), phase: call.phase });

/** Names of the people behind the rows: their profile, else their account, else the address they were invited at. */
export async function speakerNames(db: Db, rows: readonly SpeakerRow[]): Promise<Map<string, { name: string; affiliation: string; email: string }>> {
  const ids = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const found = ids.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email, profileName: speakerProfiles.name, affiliation: speakerProfiles.affiliation })
        .from(users)
        .leftJoin(speakerProfiles, eq(speakerProfiles.userId, users.id))
        .where(inArray(users.id, ids))
    : [];
  const byId = new Map(found.map((u) => [u.id, { name: u.profileName ?? u.name, affiliation: u.affiliation ?? "", email: u.email }]));
  return new Map(rows.map((r) => [r.email, (r.userId && byId.get(r.userId)) || { name: r.email, affiliation: "", email: r.email }]));
}

async function toView(db: Db, call: CallRow, p: LoadedProposal, me: string, now: Date): Promise<ProposalView> {
  const names = await speakerNames(db, p.speakers);
  const declared = await db.select({ email: cfpDeclaredConflicts.email }).from(cfpDeclaredConflicts).where(eq(cfpDeclaredConflicts.proposalId, p.row.id));
  const mine = p.speakers.find((s) => s.userId === me);
  return {
    id: p.row.id,
    title: p.row.title,
    abstract: p.row.abstract,
    description: p.row.description,
    notes: p.row.notes,
    sessionType: p.row.sessionType,
    topics: p.row.topics,
    answers: p.row.answers,
    speakerAnswers: mine?.answers ?? {},
    state: p.row.state,
    speakers: p.speakers.map((s) => ({ name: names.get(s.email)!.name, email: s.email, status: s.status, submitter: s.userId === p.row.submittedBy })),
    conflicts: declared.map((d) => d.email),
    demo: p.row.demo,
    submittedAt: p.row.submittedAt?.toISOString() ?? null,
    can: proposalCan(p.row.state, { owner: isOwner(p.speakers, me), chair: false }, moment(call, now)),
  };
}

export async function myProposals(ctx: AppContext, e: EventTarget): Promise<ProposalList> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  const rows = await ctx.db
    .select({ p: cfpProposals })
    .from(cfpProposals)
    .innerJoin(cfpProposalSpeakers, eq(cfpProposalSpeakers.proposalId, cfpProposals.id))
    .where(and(eq(cfpProposals.eventId, e.event.id), eq(cfpProposalSpeakers.userId, me.id), eq(cfpProposalSpeakers.status, "accepted")))
    .orderBy(asc(cfpProposals.createdAt));
  const speakers = await speakersOf(ctx.db, rows.map((r) => r.p.id));
  const now = ctx.now();
  return { proposals: await Promise.all(rows.map((r) => toView(ctx.db, call, { row: r.p, speakers: speakers.get(r.p.id)! }, me.id, now))), call: publicCallView(e, call, now) };
}

/** A proposal its caller speaks at, or 404 (whether it exists is nobody else's business). */
async function ownProposal(db: Db, eventId: string, id: string, me: string, lock = false): Promise<LoadedProposal> {
  const q = db.select().from(cfpProposals).where(and(eq(cfpProposals.id, id), eq(cfpProposals.eventId, eventId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw proposalNotFound();
  const speakers = (await speakersOf(db, [id])).get(id)!;
  if (!isOwner(speakers, me)) throw proposalNotFound();
  return { row, speakers };
}

export async function getMyProposal(ctx: AppContext, e: EventTarget, id: string): Promise<ProposalView> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  return toView(ctx.db, call, await ownProposal(ctx.db, e.event.id, id, me.id), me.id, ctx.now());
}

function parseAnswers(schema: z.ZodType, value: unknown, prefix: string): { data: ProposalRow["answers"]; fields: FieldErrors } {
  const r = schema.safeParse(value, LOCALISED);
  return r.success ? { data: r.data as ProposalRow["answers"], fields: {} } : { data: {}, fields: fieldErrors(r.error, prefix) };
}

/** What only the call's settings can say about a proposal: its type, topics and answers (required ones when it is sent in). */
function checkAgainstCall(call: CallRow, body: ProposalBody, me: UserActor, forSubmission: boolean) {
  const fields: FieldErrors = {};
  if (!call.sessionTypes.some((t) => t.key === body.sessionType)) fields.sessionType = [msg("cfp.errors.unknownSessionType")];
  const topics = new Set(call.tracks.flatMap((t) => t.topics));
  if (body.topics.some((t) => !topics.has(t))) fields.topics = [msg("cfp.errors.unknownTopic")];
  if (body.coSpeakers.some((m) => lower(m) === lower(me.email)) || new Set(body.coSpeakers.map(lower)).size !== body.coSpeakers.length) fields.coSpeakers = [msg("cfp.errors.coSpeakers")];
  const a = parseAnswers(answersSchema(call.questions, "proposal", forSubmission), body.answers, "answers");
  const sa = parseAnswers(answersSchema(call.questions, "speaker", forSubmission), body.speakerAnswers, "speakerAnswers");
  Object.assign(fields, a.fields, sa.fields);
  if (Object.keys(fields).length) throw new ValidationError(msg("errors.invalidBody", { count: Object.keys(fields).length }), fields);
  return { answers: a.data, speakerAnswers: sa.data };
}

/** Invites co-speakers who were not on the proposal yet, by mail in the caller's transaction; returns how many. */
async function syncSpeakers(ctx: AppContext, tx: Db, e: EventTarget, p: { id: string; title: string }, me: UserActor, body: ProposalBody, speakerAnswers: ProposalRow["answers"], existing: readonly SpeakerRow[]): Promise<number> {
  const wanted = new Set([lower(me.email), ...body.coSpeakers.map(lower)]);
  const gone = existing.filter((s) => !wanted.has(s.email));
  if (gone.length) await tx.delete(cfpProposalSpeakers).where(and(eq(cfpProposalSpeakers.proposalId, p.id), inArray(cfpProposalSpeakers.email, gone.map((s) => s.email))));
  const had = new Set(existing.map((s) => s.email));
  if (!had.has(lower(me.email))) await tx.insert(cfpProposalSpeakers).values({ proposalId: p.id, email: lower(me.email), userId: me.id, status: "accepted", answers: speakerAnswers, position: 0 });
  else await tx.update(cfpProposalSpeakers).set({ answers: speakerAnswers }).where(and(eq(cfpProposalSpeakers.proposalId, p.id), eq(cfpProposalSpeakers.email, lower(me.email))));
  const invite = body.coSpeakers.map(lower).filter((m) => !had.has(m));
  for (const [i, email] of invite.entries()) {
    await tx.insert(cfpProposalSpeakers).values({ proposalId: p.id, email, userId: null, status: "invited", position: existing.length + i + 1 });
    const [account] = await tx.select({ locale: users.locale }).from(users).where(eq(sql`lower(${users.email})`, email));
    await enqueueMail(tx, host(ctx), { to: email, template: "cfp.invited", locale: account?.locale ?? me.locale, vars: { inviter: me.name, title: p.title, event: e.event.name, link: `${ctx.config.baseUrl}/cfp/invitations` }, meta: { proposalId: p.id } });
  }
  await tx.delete(cfpDeclaredConflicts).where(eq(cfpDeclaredConflicts.proposalId, p.id));
  const declared = [...new Set(body.conflicts.map(lower))];
  if (declared.length) await tx.insert(cfpDeclaredConflicts).values(declared.map((email) => ({ proposalId: p.id, email })));
  return invite.length;
}

/** A new proposal is a draft: kept whatever the date, sent in with `submit`. */
export async function createProposal(ctx: AppContext, e: EventTarget, body: ProposalBody): Promise<ProposalView> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  const { answers, speakerAnswers } = checkAgainstCall(call, body, me, false);
  const now = ctx.now();
  const { id, invited } = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cfpProposals)
      .values({ eventId: e.event.id, submittedBy: me.id, title: body.title, abstract: body.abstract, description: body.description, notes: body.notes, sessionType: body.sessionType, topics: body.topics, answers, createdAt: now, updatedAt: now })
      .returning();
    return { id: row!.id, invited: await syncSpeakers(ctx, tx, e, row!, me, body, speakerAnswers, []) };
  });
  if (invited) await ctx.bus.publish(MAIL_QUEUED);
  return getMyProposal(ctx, e, id);
}

function refuse(action: ProposalAction, row: ProposalRow, call: CallRow, now: Date): never {
  if ((action === "edit" || action === "submit") && !callOpen(now, call.opensAt, call.closesAt) && (row.state === "draft" || row.state === "submitted")) throw closed(call, now);
  throw new ConflictError("cfp_state", msg("cfp.errors.wrongState", { state: row.state }));
}

/** The deadline in the error, as an instant the page shows in its reader's zone (and the message in UTC). */
function closed(call: CallRow, now: Date) {
  const notYet = call.opensAt && now < call.opensAt;
  const at = (notYet ? call.opensAt : call.closesAt) ?? now;
  const utc = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return new ConflictError("cfp_closed", notYet ? msg("cfp.errors.notOpen", { at: utc }) : msg("cfp.errors.closed", { at: utc }), undefined, { at: at.toISOString() });
}

export async function updateProposal(ctx: AppContext, e: EventTarget, id: string, body: ProposalBody): Promise<ProposalView> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  const now = ctx.now();
  const { answers, speakerAnswers } = checkAgainstCall(call, body, me, false);
  const invited = await ctx.db.transaction(async (tx) => {
    const p = await ownProposal(tx, e.event.id, id, me.id, true);
    // A submitted proposal must still answer every required question.
    if (p.row.state === "submitted") checkAgainstCall(call, body, me, true);
    if (!proposalAllows("edit", p.row.state, { owner: true, chair: false }, moment(call, now))) refuse("edit", p.row, call, now);
    await tx
      .update(cfpProposals)
      .set({ title: body.title, abstract: body.abstract, description: body.description, notes: body.notes, sessionType: body.sessionType, topics: body.topics, answers, updatedAt: now })
      .where(eq(cfpProposals.id, id));
    return syncSpeakers(ctx, tx, e, { id, title: body.title }, me, body, speakerAnswers, p.speakers);
  });
  if (invited) await ctx.bus.publish(MAIL_QUEUED);
  return getMyProposal(ctx, e, id);
}

const codeMatches = (given: string | undefined, code: string | null) => !!given && !!code && given.length === code.length && timingSafeEqual(Buffer.from(given), Buffer.from(code));

/**
 * Sends a draft in: before the deadline, or after it with the call's access code. The
 * speaker's count of proposals is checked under a lock on their profile, so two sent at once
 * cannot both slip under the maximum; the receipt mail and the webhook are written in the
 * same transaction.
 */
export async function submitProposal(ctx: AppContext, e: EventTarget, id: string, accessCode: string | undefined): Promise<ProposalView> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  const now = ctx.now();
  const late = !callOpen(now, call.opensAt, call.closesAt) && !!call.opensAt && now >= call.opensAt && codeMatches(accessCode, call.lateAccessCode);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(speakerProfiles).values({ userId: me.id, name: me.name }).onConflictDoNothing();
    await tx.select({ id: speakerProfiles.userId }).from(speakerProfiles).where(eq(speakerProfiles.userId, me.id)).for("update");
    const p = await ownProposal(tx, e.event.id, id, me.id, true);
    const at = { open: late || callOpen(now, call.opensAt, call.closesAt), phase: call.phase };
    if (!proposalAllows("submit", p.row.state, { owner: true, chair: false }, at)) refuse("submit", p.row, call, now);
    const mine = p.speakers.find((s) => s.userId === me.id)!;
    checkAgainstCall(call, { ...p.row, speakerAnswers: mine.answers, coSpeakers: [], conflicts: [] }, me, true);
    if (call.maxProposalsPerSpeaker !== null) {
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(cfpProposals)
        .innerJoin(cfpProposalSpeakers, eq(cfpProposalSpeakers.proposalId, cfpProposals.id))
        .where(and(eq(cfpProposals.eventId, e.event.id), eq(cfpProposalSpeakers.userId, me.id), eq(cfpProposalSpeakers.status, "accepted"), inArray(cfpProposals.state, [...COUNTS_TOWARDS_MAX])))) as [{ n: number }];
      if (n >= call.maxProposalsPerSpeaker) throw new ConflictError("cfp_limit", msg("cfp.errors.tooMany", { max: call.maxProposalsPerSpeaker }));
    }
    await tx.update(cfpProposals).set({ state: "submitted", submittedAt: now, updatedAt: now }).where(eq(cfpProposals.id, id));
    for (const s of p.speakers.filter((x) => x.status === "accepted")) {
      const [u] = s.userId ? await tx.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, s.userId)) : [];
      await enqueueMail(tx, host(ctx), { to: s.email, template: "cfp.received", locale: u?.locale ?? me.locale, vars: { name: u?.name ?? s.email, title: p.row.title, event: e.event.name, link: callUrl(ctx, e, "/mine") }, meta: { proposalId: id } });
    }
    await emitWebhook(ctx, tx, "proposal.submitted", e.event.communityId, { proposalId: id, eventId: e.event.id, eventSlug: e.event.slug, title: p.row.title, sessionType: p.row.sessionType, topics: p.row.topics, submittedAt: now.toISOString(), late });
  });
  await ctx.bus.publish(MAIL_QUEUED);
  return getMyProposal(ctx, e, id);
}

/** Withdraw (any time before a final answer), confirm or decline an acceptance: one speaker speaks for all. */
export async function speakerAction(ctx: AppContext, e: EventTarget, id: string, action: "withdraw" | "confirm" | "decline"): Promise<ProposalView> {
  const me = e.permit.user;
  const call = await loadCall(ctx.db, e.event.id);
  if (!call) throw callNotFound();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const p = await ownProposal(tx, e.event.id, id, me.id, true);
    if (!proposalAllows(action, p.row.state, { owner: true, chair: false }, moment(call, now))) refuse(action, p.row, call, now);
    const next = action === "withdraw" ? "withdrawn" : action === "confirm" ? "confirmed" : "declined";
    await tx.update(cfpProposals).set({ state: next, updatedAt: now }).where(eq(cfpProposals.id, id));
  });
  return getMyProposal(ctx, e, id);
}

// ---------------------------------------------------------------- co-speakers' invitations

export async function myInvitations(ctx: AppContext, me: UserActor) {
  const rows = await ctx.db
    .select({ proposalId: cfpProposals.id, title: cfpProposals.title, eventId: cfpProposals.eventId, invitedBy: users.name })
    .from(cfpProposalSpeakers)
    .innerJoin(cfpProposals, eq(cfpProposals.id, cfpProposalSpeakers.proposalId))
    .innerJoin(users, eq(users.id, cfpProposals.submittedBy))
    .where(and(eq(cfpProposalSpeakers.email, lower(me.email)), eq(cfpProposalSpeakers.status, "invited"), inArray(cfpProposals.state, ["draft", "submitted", "accepted", "waitlisted", "confirmed"])));
  const evs = new Map((await eventsByIds(ctx.db, rows.map((r) => r.eventId))).map((e) => [e.id, e]));
  const names = await communityNames(ctx.db, [...evs.values()].map((e) => e.communityId));
  return {
    invitations: rows.map(({ eventId, ...r }) => {
      const e = evs.get(eventId)!;
      return { ...r, event: e.name, eventSlug: e.slug, communitySlug: names.get(e.communityId)?.slug ?? "" };
    }),
  };
}

/** The invited person answers with the account their invitation's address belongs to. */
export async function answerInvitation(ctx: AppContext, e: EventTarget, id: string, accept: boolean): Promise<{ invitations: Awaited<ReturnType<typeof myInvitations>>["invitations"] }> {
  const me = e.permit.user;
  const done = await ctx.db
    .update(cfpProposalSpeakers)
    .set({ status: accept ? "accepted" : "declined", userId: accept ? me.id : null })
    .where(and(eq(cfpProposalSpeakers.proposalId, id), eq(cfpProposalSpeakers.email, lower(me.email)), eq(cfpProposalSpeakers.status, "invited"), sql`exists (select 1 from ${cfpProposals} where ${cfpProposals.id} = ${id} and ${cfpProposals.eventId} = ${e.event.id})`))
    .returning();
  if (!done.length) throw proposalNotFound();
  return myInvitations(ctx, me);
}
