import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { NotFoundError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { instantToZonedLocal, zonedToInstant } from "../../../shared/time.js";
import type { EventTarget } from "../events/index.js";
import { callOpen, zoneOf, type DeadlineZone } from "./rules.js";
import type { PublicCall, SettingsBody, SettingsView, ZonedInput } from "./schema.js";
import { cfpSettings } from "./tables.js";

export type CallRow = typeof cfpSettings.$inferSelect;

export const callNotFound = () => new NotFoundError(msg("cfp.errors.noCall"));

export async function loadCall(db: Db, eventId: string): Promise<CallRow | null> {
  const [row] = await db.select().from(cfpSettings).where(eq(cfpSettings.eventId, eventId));
  return row ?? null;
}

export async function requireCall(db: Db, eventId: string): Promise<CallRow> {
  const row = await loadCall(db, eventId);
  if (!row) throw callNotFound();
  return row;
}

/** An entered local time as an instant: in the event's zone, or Anywhere on Earth. */
export const toInstant = (input: ZonedInput, eventZone: string): Date => zonedToInstant(input.local, zoneOf(input.zone, eventZone));
const asInput = (d: Date | null, zone: DeadlineZone, eventZone: string): ZonedInput | null => (d ? { local: instantToZonedLocal(d, zoneOf(zone, eventZone)), zone } : null);

export function publicCallView(e: EventTarget, row: CallRow | null, now: Date): PublicCall {
  const ev = { name: e.event.name, slug: e.event.slug, communitySlug: e.communitySlug, timeZone: e.event.timeZone };
  if (!row)
    return { event: ev, configured: false, opensAt: null, closesAt: null, deadlineZone: "event", open: false, lateSubmissions: false, sessionTypes: [], tracks: [], questions: [], maxProposalsPerSpeaker: null, blind: true, pageHtml: "", demo: false };
  return {
    event: ev,
    configured: true,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    deadlineZone: row.deadlineZone,
    open: callOpen(now, row.opensAt, row.closesAt),
    lateSubmissions: row.lateAccessCode !== null,
    sessionTypes: row.sessionTypes,
    tracks: row.tracks,
    questions: row.questions,
    maxProposalsPerSpeaker: row.maxProposalsPerSpeaker,
    blind: row.blind,
    pageHtml: renderMarkdown(row.page),
    demo: row.demo,
  };
}

export async function getPublicCall(ctx: AppContext, e: EventTarget): Promise<PublicCall> {
  return publicCallView(e, await loadCall(ctx.db, e.event.id), ctx.now());
}

export function settingsView(e: EventTarget, row: CallRow, now: Date): SettingsView {
  return {
    ...publicCallView(e, row, now),
    phase: row.phase,
    criteria: row.criteria,
    lateAccessCode: row.lateAccessCode,
    page: row.page,
    opensAtInput: asInput(row.opensAt, row.deadlineZone, e.event.timeZone),
    closesAtInput: asInput(row.closesAt, row.deadlineZone, e.event.timeZone),
  };
}

export async function getSettings(ctx: AppContext, e: EventTarget): Promise<SettingsView> {
  e.permit.require("cfp.chair");
  return settingsView(e, await requireCall(ctx.db, e.event.id), ctx.now());
}

/** The whole call's settings at once (a PUT): the form always sends every field. */
export async function putSettings(ctx: AppContext, e: EventTarget, body: SettingsBody, extra: { demo?: boolean; phase?: CallRow["phase"] } = {}): Promise<SettingsView> {
  e.permit.require("cfp.chair");
  const zone = e.event.timeZone;
  const values = {
    opensAt: body.opensAt ? toInstant(body.opensAt, zone) : null,
    closesAt: body.closesAt ? toInstant(body.closesAt, zone) : null,
    // Both dates are shown in the zone the deadline was entered in.
    deadlineZone: body.closesAt?.zone ?? body.opensAt?.zone ?? "event",
    sessionTypes: body.sessionTypes,
    tracks: body.tracks,
    questions: body.questions,
    criteria: body.criteria,
    maxProposalsPerSpeaker: body.maxProposalsPerSpeaker,
    lateAccessCode: body.lateAccessCode,
    blind: body.blind,
    page: body.page,
    updatedAt: ctx.now(),
    ...extra,
  };
  const [row] = await ctx.db
    .insert(cfpSettings)
    .values({ eventId: e.event.id, ...values })
    .onConflictDoUpdate({ target: cfpSettings.eventId, set: values })
    .returning();
  return settingsView(e, row!, ctx.now());
}

export async function setPhase(ctx: AppContext, e: EventTarget, phase: CallRow["phase"]): Promise<SettingsView> {
  e.permit.require("cfp.chair");
  const [row] = await ctx.db.update(cfpSettings).set({ phase, updatedAt: ctx.now() }).where(eq(cfpSettings.eventId, e.event.id)).returning();
  if (!row) throw callNotFound();
  return settingsView(e, row, ctx.now());
}
