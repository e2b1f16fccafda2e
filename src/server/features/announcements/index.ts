/**
 * Announcements: a community's news in Markdown, with drafts, scheduled publishing,
 * monthly archives, tag pages, Atom feeds, mail to subscribers and the webhook event.
 */
import { eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import { startPublishing } from "./publish-post.js";
import { announcementRoutes } from "./routes.js";
import { announcements } from "./tables.js";
import { ANNOUNCEMENT_WEBHOOKS } from "./webhooks.js";

export { seedAnnouncements, type AnnouncementSeed } from "./demo.js";
export { publishDue } from "./publish-post.js";

export const announcementsFeature: Feature = {
  name: "announcements",
  routes: announcementRoutes,
  background: (ctx) => startPublishing(ctx),
  webhooks: ANNOUNCEMENT_WEBHOOKS,
  // Posts stay with the community; their byline goes with the account (the account row shows "Deleted account").
  onAccountDeleted: async (_ctx, tx, userId) => {
    await tx.update(announcements).set({ authorId: null }).where(eq(announcements.authorId, userId));
  },
};
