import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Programme, ProgrammeItem } from "../../platform/programme.js";
import { communityNames } from "../communities/index.js";
import { eventById } from "../events/index.js";
import { foldName } from "./gazetteer.js";
import { talkUrl } from "./decide-talk.js";
import { talks } from "./tables.js";
import { loadTalks } from "./talk-views.js";

/** A UUID that is the same every time for the same parts (SHA-1 name-based, as RFC 9562 version 5 lays it out). */
export function stableUuid(...parts: string[]): string {
  const h = createHash("sha1").update(parts.join("\u0000")).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * An external event's programme: its approved talks, for the event page and the schedule
 * outputs. Rooms are the free-text rooms the talks name (the venue when none is named);
 * an end nobody published is written as the start.
 */
export async function roadProgramme(ctx: AppContext, eventId: string): Promise<Programme | null> {
  const ids = await ctx.db
    .select({ id: talks.id })
    .from(talks)
    .where(and(eq(talks.eventId, eventId), eq(talks.state, "approved")))
    .orderBy(asc(talks.startsAt), asc(talks.title));
  if (ids.length === 0) return null;
  const [event, loaded] = await Promise.all([eventById(ctx.db, eventId), loadTalks(ctx.db, ids.map((r) => r.id))]);
  const communitySlug = (await communityNames(ctx.db, [event.communityId])).get(event.communityId)?.slug ?? "";
  const roomNames = [...new Set(loaded.map((t) => t.talk.room || event.venue || event.name))];
  const rooms = roomNames.map((name, position) => ({ id: stableUuid(event.id, "room", name), name, capacity: null, position }));
  const items: ProgrammeItem[] = loaded.map(({ talk, speakers }) => ({
    id: talk.id,
    slug: talk.id.slice(0, 8),
    title: talk.title,
    subtitle: null,
    abstract: talk.abstract,
    description: null,
    track: talk.topics.length ? talk.topics.join(", ") : null,
    type: "presentation",
    language: null,
    roomId: stableUuid(event.id, "room", talk.room || event.venue || event.name),
    start: talk.startsAt,
    end: talk.endsAt ?? talk.startsAt,
    persons: speakers.map((s) => ({ id: s.userId ?? stableUuid(event.communityId, "speaker", foldName(s.name)), name: s.name, affiliation: s.affiliation || null, url: null })),
    links: [
      ...(talk.sessionUrl ? [{ title: "Session page", url: talk.sessionUrl }] : []),
      ...(talk.slidesUrl ? [{ title: "Slides", url: talk.slidesUrl }] : []),
      ...(talk.videoUrl ? [{ title: "Video", url: talk.videoUrl }] : []),
    ],
    url: talkUrl(ctx, communitySlug, talk.id),
    revision: talk.revision,
  }));
  const latest = loaded.reduce((max, t) => Math.max(max, (t.talk.decidedAt ?? t.talk.updatedAt).getTime()), 0);
  return {
    event: { id: event.id, slug: event.slug, communitySlug, title: event.name, timeZone: event.timeZone, startDate: event.startDate, endDate: event.endDate, url: `${ctx.config.baseUrl}/communities/${communitySlug}/events/${event.slug}` },
    version: String(loaded.reduce((n, t) => n + t.talk.revision, 0)),
    publishedAt: new Date(latest),
    rooms,
    items,
  };
}
