import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { writeCalendar, type CalendarItem } from "../../platform/calendar/index.js";
import { NotFoundError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventRow, EventTarget } from "../events/index.js";
import type { AgendaView, PublishedBoard } from "./schema.js";
import { latestVersion, requireHackathon } from "./state.js";
import { unconfInterest, unconfLeaders, unconfTopics } from "./tables.js";

/**
 * A person's agenda: the topics they marked or lead, where the published board has them, and
 * the clashes among them; and its iCalendar feed at a secret address. Items carry the same
 * UIDs as the board's own feed (schedule.ics), so a calendar subscribed to both shows a topic
 * once, and their SEQUENCE is the topic's, raised by every publish that moves it.
 */
function agendaToken(ctx: AppContext, userId: string, eventId: string): string {
  const mac = createHmac("sha256", ctx.secrets.statusLink).update(`unconference-agenda|${userId}|${eventId}`).digest("base64url").slice(0, 32);
  return `${userId}.${mac}`;
}

export function userOfAgendaToken(ctx: AppContext, token: string, eventId: string): string {
  const [userId] = token.split(".");
  const a = Buffer.from(userId ? agendaToken(ctx, userId, eventId) : "");
  const b = Buffer.from(token);
  if (!userId || a.length !== b.length || !timingSafeEqual(a, b)) throw new NotFoundError(msg("unconference.errors.feedNotFound"));
  return userId;
}

async function myTopics(ctx: AppContext, userId: string, eventId: string): Promise<{ interested: Set<string>; leading: Set<string> }> {
  const [interest, leading] = await Promise.all([
    ctx.db.select({ id: unconfInterest.topicId }).from(unconfInterest).innerJoin(unconfTopics, eq(unconfTopics.id, unconfInterest.topicId)).where(and(eq(unconfInterest.userId, userId), eq(unconfTopics.eventId, eventId))),
    ctx.db.select({ id: unconfLeaders.topicId }).from(unconfLeaders).innerJoin(unconfTopics, eq(unconfTopics.id, unconfLeaders.topicId)).where(and(eq(unconfLeaders.userId, userId), eq(unconfTopics.eventId, eventId))),
  ]);
  return { interested: new Set(interest.map((r) => r.id)), leading: new Set(leading.map((r) => r.id)) };
}

/** Pairs of agenda topics that overlap in time, each pair once, in time order. */
export function clashesIn(topics: readonly PublishedBoard["topics"][number][]): AgendaView["clashes"] {
  const sorted = [...topics].sort((a, b) => a.start.localeCompare(b.start));
  const out: AgendaView["clashes"] = [];
  for (const [i, a] of sorted.entries()) for (const b of sorted.slice(i + 1)) if (b.start < a.end && a.start < b.end) out.push({ topicIds: [a.id, b.id], start: b.start > a.start ? b.start : a.start });
  return out;
}

export async function getAgenda(ctx: AppContext, target: EventTarget): Promise<AgendaView> {
  requireHackathon(target.event);
  const me = target.permit.require("unconference.participate").user.id;
  const [{ interested, leading }, last] = await Promise.all([myTopics(ctx, me, target.event.id), latestVersion(ctx.db, target.event.id)]);
  const topics = (last?.board.topics ?? []).filter((t) => interested.has(t.id) || leading.has(t.id));
  const labels = new Map((last?.board.areas ?? []).map((a) => [a.id, a.label]));
  return {
    version: last?.number ?? 0,
    items: topics.map((t) => ({ topicId: t.id, number: t.number, title: t.title, areaId: t.areaId, area: labels.get(t.areaId) ?? "", start: t.start, end: t.end, leading: leading.has(t.id) })),
    clashes: clashesIn(topics),
    unplaced: [...interested, ...leading].filter((id, i, all) => all.indexOf(id) === i && !topics.some((t) => t.id === id)),
    calendarUrl: `${ctx.config.baseUrl}/api/v1/communities/${target.communitySlug}/events/${target.event.slug}/unconference/agenda.ics?token=${agendaToken(ctx, me, target.event.id)}`,
  };
}

export async function agendaCalendar(ctx: AppContext, event: EventRow, communitySlug: string, token: string, name: string): Promise<string> {
  requireHackathon(event);
  const userId = userOfAgendaToken(ctx, token, event.id);
  const [{ interested, leading }, last] = await Promise.all([myTopics(ctx, userId, event.id), latestVersion(ctx.db, event.id)]);
  const host = new URL(ctx.config.baseUrl).host;
  const labels = new Map((last?.board.areas ?? []).map((a) => [a.id, a.label]));
  const items: CalendarItem[] = (last?.board.topics ?? [])
    .filter((t) => interested.has(t.id) || leading.has(t.id))
    .map((t) => ({
      uid: `schedule-${t.id}@${host}`,
      sequence: t.sequence,
      start: new Date(t.start),
      end: new Date(t.end),
      timeZone: event.timeZone,
      summary: t.title,
      description: t.description,
      location: labels.get(t.areaId) ?? "",
      url: `${ctx.config.baseUrl}/communities/${communitySlug}/events/${event.slug}/unconference/topics/${t.number}`,
      lastModified: last!.publishedAt,
    }));
  return writeCalendar({ name, url: `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/events/${event.slug}/unconference/agenda.ics?token=${token}`, ttlSeconds: 300, items });
}
