import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError } from "../../platform/errors.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import type { Programme, ProgrammeItem } from "../../platform/programme.js";
import { PROGRAMME_CHANGED } from "../../platform/topics.js";
import { emitWebhook } from "../../platform/webhooks/emit.js";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import { isLocale } from "../../../shared/i18n/locales.js";
import type { EventTarget } from "../events/index.js";
import { fromSnapshot, latestRelease, programmeOfState, toSnapshot } from "./programme.js";
import type { ReleaseBody, ReleaseChange, ReleaseView } from "./schema.js";
import { coFavourites, conflictsOf, loadState, type ScheduleState } from "./state.js";
import { scheduleReleases, scheduleSessions, scheduleSpeakers } from "./tables.js";

/**
 * Releasing the schedule: the programme as it stands becomes version N, with a change log
 * against version N−1 in words, mails to the speakers whose session moved or was taken off,
 * and the `schedule.released` webhook, all in one transaction. A schedule with a hard
 * conflict is not released; the answer lists the conflicts.
 */
const place = z.object({ room: z.string(), roomId: z.uuid(), start: z.iso.datetime() });
export const scheduleReleasedPayload = z.object({
  event: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), communitySlug: z.string() }),
  version: z.number().int().describe("The release's number: 1 for the first."),
  releasedAt: z.iso.datetime(),
  note: z.string(),
  sessions: z.number().int().describe("How many sessions the released schedule has."),
  changes: z
    .array(z.object({ kind: z.enum(["added", "removed", "moved", "changed"]), sessionId: z.uuid(), title: z.string(), from: place.nullable(), to: place.nullable(), fields: z.array(z.string()) }))
    .describe("What changed since the version before; empty on the first release."),
  urls: z.object({ schedule: z.string(), xml: z.string(), json: z.string(), ics: z.string() }),
});

export const SCHEDULE_WEBHOOKS = [
  defineWebhookEvent({
    type: "schedule.released",
    summary: "A new version of a conference schedule was released.",
    description: "An organiser released the schedule; `data.version` is its number and `data.changes` what moved, was added, removed or changed since the version before. The outputs (schedule.xml, schedule.json, iCalendar) already carry it.",
    schema: scheduleReleasedPayload,
  }),
];

declare module "../../platform/webhooks/registry.js" {
  interface WebhookPayloads {
    "schedule.released": z.input<typeof scheduleReleasedPayload>;
  }
}

const TEXT_FIELDS = ["title", "subtitle", "abstract", "description", "track", "type", "language"] as const;

function changedFields(a: ProgrammeItem, b: ProgrammeItem): string[] {
  const out: string[] = TEXT_FIELDS.filter((f) => a[f] !== b[f]);
  if (a.end.getTime() - a.start.getTime() !== b.end.getTime() - b.start.getTime()) out.push("duration");
  const people = (i: ProgrammeItem) => i.persons.map((p) => `${p.id}|${p.name}|${p.affiliation ?? ""}`).join(";");
  if (people(a) !== people(b)) out.push("speakers");
  return out;
}

/** What changed from one programme to the next, in session order of the new one (removals last). */
export function diffProgrammes(before: Programme | null, after: Programme): ReleaseChange[] {
  const roomName = (p: Programme, id: string) => p.rooms.find((r) => r.id === id)?.name ?? "";
  const where = (p: Programme, i: ProgrammeItem) => ({ room: roomName(p, i.roomId), roomId: i.roomId, start: i.start.toISOString() });
  const old = new Map((before?.items ?? []).map((i) => [i.id, i]));
  const changes: ReleaseChange[] = [];
  for (const i of after.items) {
    const o = old.get(i.id);
    old.delete(i.id);
    const number = i.number ?? 0;
    if (!o) {
      if (before) changes.push({ kind: "added", sessionId: i.id, number, title: i.title, from: null, to: where(after, i), fields: [] });
      continue;
    }
    const fields = changedFields(o, i);
    const moved = o.roomId !== i.roomId || o.start.getTime() !== i.start.getTime();
    if (moved) changes.push({ kind: "moved", sessionId: i.id, number, title: i.title, from: where(before!, o), to: where(after, i), fields });
    else if (fields.length) changes.push({ kind: "changed", sessionId: i.id, number, title: i.title, from: where(before!, o), to: where(after, i), fields });
  }
  for (const o of old.values()) changes.push({ kind: "removed", sessionId: o.id, number: o.number ?? 0, title: o.title, from: where(before!, o), to: null, fields: [] });
  return changes;
}

/** The programme a release now would publish, with each item's SEQUENCE raised when it changed. */
export function nextProgramme(ctx: AppContext, s: ScheduleState, communitySlug: string, before: Programme | null, version: string, at: Date): { programme: Programme; changes: ReleaseChange[] } {
  const draft = programmeOfState(ctx, s, communitySlug, version, at);
  const changes = diffProgrammes(before, draft);
  const touched = new Set(changes.map((c) => c.sessionId));
  const seq = new Map(s.sessions.map((x) => [x.id, x.sequence]));
  const revisions = new Map(draft.items.map((i) => [i.id, before?.items.some((o) => o.id === i.id) && !touched.has(i.id) ? seq.get(i.id)! : seq.get(i.id)! + 1]));
  return { programme: { ...draft, items: draft.items.map((i) => ({ ...i, revision: Math.max(0, revisions.get(i.id)!) })) }, changes };
}

/** "Room B, Tuesday, 19 August 2014 at 14:00 (America/Chicago)" in the reader's language. */
function placeText(p: { room: string; start: string } | null, timeZone: string, locale: string): string {
  if (!p) return "";
  return `${p.room}, ${formatInstant(isLocale(locale) ? locale : "en", p.start, timeZone, "long")}`;
}

/** Mails every speaker of a session that moved or was taken off, in their language; returns how many. */
async function mailSpeakers(ctx: AppContext, tx: Db, s: ScheduleState, communitySlug: string, changes: ReleaseChange[], scheduleUrl: string): Promise<number> {
  const affected = changes.filter((c) => c.kind === "moved" || c.kind === "removed");
  if (!affected.length) return 0;
  const sessions = new Map(s.sessions.map((x) => [x.id, x]));
  const speakerIds = [...new Set(affected.flatMap((c) => sessions.get(c.sessionId)?.speakerIds ?? []))];
  if (!speakerIds.length) return 0;
  const rows = await tx
    .select({ id: scheduleSpeakers.id, name: scheduleSpeakers.name, email: scheduleSpeakers.email, accountEmail: users.email, accountName: users.name, locale: users.locale, deletedAt: users.deletedAt })
    .from(scheduleSpeakers)
    .leftJoin(users, eq(users.id, scheduleSpeakers.userId))
    .where(inArray(scheduleSpeakers.id, speakerIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const host = new URL(ctx.config.baseUrl).host;
  let n = 0;
  for (const c of affected) {
    for (const id of sessions.get(c.sessionId)?.speakerIds ?? []) {
      const r = byId.get(id);
      const to = r?.accountEmail && !r.deletedAt ? r.accountEmail : r?.email;
      if (!r || !to) continue;
      const locale = (r.accountEmail && !r.deletedAt ? r.locale : null) ?? s.settings.defaultLanguage;
      await enqueueMail(tx, host, {
        to,
        template: c.kind === "moved" ? "schedule.moved" : "schedule.removed",
        locale,
        vars: {
          name: r.accountName ?? r.name,
          title: c.title,
          event: s.event.name,
          from: placeText(c.from, s.event.timeZone, locale),
          to: placeText(c.to, s.event.timeZone, locale),
          link: c.kind === "moved" ? `${scheduleUrl}/sessions/${c.number}` : scheduleUrl,
        },
        meta: { eventId: s.event.id, sessionId: c.sessionId, communitySlug },
      });
      n++;
    }
  }
  return n;
}

export const releaseView = (r: { number: number; releasedAt: Date; note: string; changes: ReleaseChange[]; programme: { items: unknown[] } }): ReleaseView => ({
  number: r.number,
  releasedAt: r.releasedAt.toISOString(),
  note: r.note,
  changes: r.changes,
  sessions: r.programme.items.length,
});

export async function releaseSchedule(ctx: AppContext, target: EventTarget, input: ReleaseBody): Promise<ReleaseView> {
  const { event, communitySlug, permit } = target;
  permit.require("schedule.edit");
  const now = ctx.now();
  const { view, mailed } = await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, event, { lock: true });
    const hard = conflictsOf(s, await coFavourites(tx, event.id)).filter((c) => c.hard);
    if (hard.length) throw new ConflictError("schedule_conflict", msg("schedule.errors.releaseConflicts", { count: hard.length }), undefined, { conflicts: hard });
    const last = await latestRelease(tx, event.id);
    const before = last ? fromSnapshot(last.programme) : null;
    const number = (last?.number ?? 0) + 1;
    const { programme, changes } = nextProgramme(ctx, s, communitySlug, before, String(number), now);
    if (!programme.items.length) throw new ConflictError("schedule_nothing_to_release", msg("schedule.errors.nothingToRelease"));
    if (last && !changes.length && input.note === "") throw new ConflictError("schedule_nothing_to_release", msg("schedule.errors.noChanges"));
    for (const i of programme.items) {
      const row = s.sessions.find((x) => x.id === i.id)!;
      if (row.sequence !== i.revision) await tx.update(scheduleSessions).set({ sequence: i.revision }).where(eq(scheduleSessions.id, i.id));
    }
    const [row] = await tx
      .insert(scheduleReleases)
      .values({ eventId: event.id, number, releasedAt: now, releasedBy: permit.user.id, note: input.note, programme: toSnapshot(programme), changes })
      .returning();
    const url = `${ctx.config.baseUrl}/communities/${communitySlug}/events/${event.slug}/schedule`;
    const api = `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/events/${event.slug}`;
    const mailed = await mailSpeakers(ctx, tx, s, communitySlug, changes, url);
    await emitWebhook(ctx, tx, "schedule.released", event.communityId, {
      event: { id: event.id, slug: event.slug, name: event.name, communitySlug },
      version: number,
      releasedAt: now.toISOString(),
      note: input.note,
      sessions: programme.items.length,
      changes: changes.map(({ number: _n, ...c }) => c),
      urls: { schedule: url, xml: `${api}/schedule.xml`, json: `${api}/schedule.json`, ics: `${api}/schedule.ics` },
    });
    return { view: releaseView(row!), mailed };
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
  await ctx.bus.publish(PROGRAMME_CHANGED, { eventId: event.id });
  return view;
}
