import type { AppContext } from "../../platform/context.js";
import { ANNOUNCEMENTS_CHANGED } from "../../platform/topics.js";
import { communityBySlug } from "../communities/index.js";
import { eventBySlugs } from "../events/index.js";
import { announcements } from "./tables.js";

/** An announcement as demo data gives it: already published at `publishAt`, without an author account. */
export interface AnnouncementSeed {
  slug: string;
  title: string;
  /** Markdown, in our own words. */
  body: string;
  tags: string[];
  eventSlug: string | null;
  publishAt: string;
}

/**
 * Writes published posts straight in (no mail, no webhook: nobody subscribed to a demo's past).
 * `announced_at` is set so the publishing job never announces them later.
 */
export async function seedAnnouncements(ctx: AppContext, communitySlug: string, seeds: readonly AnnouncementSeed[]): Promise<void> {
  const community = await communityBySlug(ctx.db, communitySlug);
  const rows = [];
  for (const s of seeds) {
    const eventId = s.eventSlug ? (await eventBySlugs(ctx.db, communitySlug, s.eventSlug)).id : null;
    const at = new Date(s.publishAt);
    rows.push({ communityId: community.id, slug: s.slug, title: s.title, body: s.body, tags: s.tags, eventId, state: "published" as const, publishAt: at, announcedAt: at, createdAt: at, updatedAt: at });
  }
  if (rows.length) await ctx.db.insert(announcements).values(rows);
  await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: community.id });
}
