import { eq } from "drizzle-orm";
import { z } from "zod";
import { BusCache } from "../../platform/cache.js";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import type { Programme } from "../../platform/programme.js";
import { PROGRAMME_CHANGED, UNCONFERENCE_PUBLISHED } from "../../platform/topics.js";
import { emitWebhook } from "../../platform/webhooks/emit.js";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { communityNames } from "../communities/index.js";
import { eventById, type EventTarget } from "../events/index.js";
import { placementProblems, spanOf } from "./rules.js";
import type { BoardChange, PublishBody, PublishedBoard, VersionView } from "./schema.js";
import { latestVersion, loadState, openTopics, toBoard, workingPlacements, type UnconfState } from "./state.js";
import { unconfSettings, unconfTopics, unconfVersions } from "./tables.js";

/**
 * Publishing the working board as the next numbered version. Two organisers publishing at
 * once: the second names a version that is no longer the latest and gets 409, never a silent
 * overwrite. The version keeps the board as published (areas, fixed items, placed topics with
 * their times and iCalendar SEQUENCE), so live boards, feeds and agendas read it without the
 * working rows, and a reconnecting board is sent exactly the versions it missed.
 */
const changeSchema = z.object({ kind: z.enum(["added", "moved", "removed"]), topicId: z.uuid(), title: z.string(), from: z.object({ areaId: z.uuid(), start: z.iso.datetime() }).nullable(), to: z.object({ areaId: z.uuid(), start: z.iso.datetime() }).nullable() });
export const timetablePublishedPayload = z.object({
  event: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), communitySlug: z.string() }),
  version: z.number().int().describe("The published version's number: 1 for the first."),
  publishedAt: z.iso.datetime(),
  topics: z.number().int().describe("How many topics the published timetable places."),
  changes: z.array(changeSchema).describe("Topics added, moved or taken off since the version before; on the first version every topic is added."),
  urls: z.object({ board: z.string(), ics: z.string() }),
});

export const UNCONFERENCE_WEBHOOKS = [
  defineWebhookEvent({
    type: "timetable.published",
    summary: "A new version of a hackathon's unconference timetable was published.",
    description: "An organiser published the board after the morning plenary (or a change during the day); `data.changes` lists what was added, moved or taken off.",
    schema: timetablePublishedPayload,
  }),
];

declare module "../../platform/webhooks/registry.js" {
  interface WebhookPayloads {
    "timetable.published": z.input<typeof timetablePublishedPayload>;
  }
}

/** The board a publish now would make, topics' SEQUENCE raised where their place or title changed. */
export function nextBoard(s: UnconfState, before: PublishedBoard | null): PublishedBoard {
  const board = toBoard(s);
  const old = new Map((before?.topics ?? []).map((t) => [t.id, t]));
  const placed = workingPlacements(s);
  const topics: PublishedBoard["topics"] = [];
  for (const t of openTopics(s)) {
    const p = placed.get(t.id);
    const span = p && spanOf(board, p.slotId, t.length);
    if (!p || !span || typeof span === "string") continue;
    const start = new Date(span[0]!.start).toISOString();
    const end = new Date(span[span.length - 1]!.end).toISOString();
    const o = old.get(t.id);
    const same = o && o.areaId === p.areaId && o.start === start && o.end === end && o.title === t.title;
    topics.push({ id: t.id, number: t.number, title: t.title, description: t.description, leaders: t.leaders, areaId: p.areaId, slotId: p.slotId, start, end, sequence: same ? o.sequence : Math.max(0, t.sequence + 1) });
  }
  topics.sort((a, b) => a.start.localeCompare(b.start) || a.number - b.number);
  return {
    areas: s.areas.map((a) => ({ id: a.id, label: a.label, capacity: a.capacity, position: a.position })),
    days: s.days.map((d) => ({ date: d.date, start: d.start.toISOString(), end: d.end.toISOString() })),
    fixed: s.fixed.map((f) => ({ id: f.id, title: f.title, kind: f.kind, start: f.start.toISOString(), end: f.end.toISOString() })),
    topics,
  };
}

export function boardChanges(before: PublishedBoard | null, after: PublishedBoard): BoardChange[] {
  const old = new Map((before?.topics ?? []).map((t) => [t.id, t]));
  const changes: BoardChange[] = [];
  for (const t of after.topics) {
    const o = old.get(t.id);
    old.delete(t.id);
    const to = { areaId: t.areaId, start: t.start };
    if (!o) changes.push({ kind: "added", topicId: t.id, title: t.title, from: null, to });
    else if (o.areaId !== t.areaId || o.start !== t.start) changes.push({ kind: "moved", topicId: t.id, title: t.title, from: { areaId: o.areaId, start: o.start }, to });
  }
  for (const o of old.values()) changes.push({ kind: "removed", topicId: o.id, title: o.title, from: { areaId: o.areaId, start: o.start }, to: null });
  return changes;
}

export const versionView = (r: typeof unconfVersions.$inferSelect): VersionView => ({ number: r.number, publishedAt: r.publishedAt.toISOString(), changes: r.changes, board: r.board });

export async function publishBoard(ctx: AppContext, target: EventTarget, input: PublishBody): Promise<VersionView> {
  const { event, communitySlug, permit } = target;
  permit.require("unconference.organise");
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, event, { lock: true });
    if (s.settings.version !== input.baseVersion) throw new ConflictError("unconference_changed", msg("unconference.errors.versionStale", { version: s.settings.version }), { baseVersion: [msg("unconference.errors.versionStale", { version: s.settings.version })] });
    const board = toBoard(s);
    const placed = workingPlacements(s);
    const hard = [...placed].flatMap(([id, p]) => placementProblems(board, placed, id, p)).filter((p) => p.hard);
    if (hard.length) throw new ConflictError("unconference_conflict", msg("unconference.errors.hardProblems", { count: hard.length }), undefined, { problems: hard });
    const last = await latestVersion(tx, event.id);
    const published = nextBoard(s, last?.board ?? null);
    const changes = boardChanges(last?.board ?? null, published);
    const number = s.settings.version + 1;
    for (const t of published.topics) {
      if (s.topics.find((x) => x.id === t.id)!.sequence !== t.sequence) await tx.update(unconfTopics).set({ sequence: t.sequence }).where(eq(unconfTopics.id, t.id));
    }
    const [inserted] = await tx.insert(unconfVersions).values({ eventId: event.id, number, publishedAt: now, publishedBy: permit.user.id, board: published, changes }).returning();
    await tx.update(unconfSettings).set({ version: number, updatedAt: now }).where(eq(unconfSettings.eventId, event.id));
    const url = `${ctx.config.baseUrl}/communities/${communitySlug}/events/${event.slug}/unconference`;
    await emitWebhook(ctx, tx, "timetable.published", event.communityId, {
      event: { id: event.id, slug: event.slug, name: event.name, communitySlug },
      version: number,
      publishedAt: now.toISOString(),
      topics: published.topics.length,
      changes,
      urls: { board: url, ics: `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/events/${event.slug}/schedule.ics` },
    });
    return inserted!;
  });
  await ctx.bus.publish(PROGRAMME_CHANGED, { eventId: event.id });
  await ctx.bus.publish(UNCONFERENCE_PUBLISHED, { eventId: event.id, version: row.number });
  return versionView(row);
}

/** A published board as the programme every schedule output is written from. */
export function programmeOf(ctx: AppContext, e: { id: string; slug: string; name: string; timeZone: string; startDate: string; endDate: string }, communitySlug: string, v: { number: number; publishedAt: Date; board: PublishedBoard }): Programme {
  const eventUrl = `${ctx.config.baseUrl}/communities/${communitySlug}/events/${e.slug}`;
  const d = (x: string) => new Date(x);
  return {
    event: { id: e.id, slug: e.slug, communitySlug, title: e.name, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate, url: eventUrl, language: "en" },
    version: String(v.number),
    publishedAt: v.publishedAt,
    rooms: v.board.areas.map((a) => ({ id: a.id, name: a.label, capacity: a.capacity, position: a.position })),
    items: v.board.topics.map((t) => ({
      id: t.id,
      number: t.number,
      slug: `topic-${t.number}`,
      title: t.title,
      subtitle: null,
      abstract: t.description,
      description: null,
      track: null,
      type: "topic",
      language: null,
      roomId: t.areaId,
      start: d(t.start),
      end: d(t.end),
      persons: t.leaders.map((l) => ({ id: l.id, name: l.name, affiliation: null, url: null })),
      links: [],
      url: `${eventUrl}/unconference/topics/${t.number}`,
      revision: t.sequence,
    })),
    days: v.board.days.map((x) => ({ date: x.date, start: d(x.start), end: d(x.end) })),
    breaks: v.board.fixed.map((f) => ({ id: f.id, title: f.title, roomId: null, start: d(f.start), end: d(f.end) })),
  };
}

const cached = new WeakMap<AppContext, BusCache<Programme | null>>();

/** The Feature `programme` hook: a hackathon's latest published board, kept per process until the bus says it changed. */
export async function publishedProgramme(ctx: AppContext, eventId: string): Promise<Programme | null> {
  let cache = cached.get(ctx);
  if (!cache) cached.set(ctx, (cache = new BusCache(ctx.bus, PROGRAMME_CHANGED, { ttlMs: 60_000, maxEntries: 200, keyOf: (p) => (typeof p.eventId === "string" ? p.eventId : undefined) })));
  return cache.get(eventId, async () => {
    const row = await latestVersion(ctx.db, eventId);
    if (!row) return null;
    const e = await eventById(ctx.db, eventId);
    if (e.kind !== "hackathon") return null;
    const community = (await communityNames(ctx.db, [e.communityId])).get(e.communityId);
    return programmeOf(ctx, e, community?.slug ?? "", row);
  });
}
