import { z } from "zod";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";

/** What a receiver of `announcement.published` gets: enough to link to the post and to show it. */
export const announcementPublishedPayload = z.object({
  id: z.uuid(),
  community: z.string().describe("The community's slug."),
  slug: z.string(),
  title: z.string(),
  summary: z.string().describe("The post's first paragraph as plain text."),
  url: z.string().describe("The post's web page."),
  publishedAt: z.iso.datetime().describe("The date the post carries: the scheduled time, or a past date it was brought over with."),
  tags: z.array(z.string()),
});

export const ANNOUNCEMENT_WEBHOOKS = [
  defineWebhookEvent({
    type: "announcement.published",
    summary: "An announcement was published.",
    description: "Sent once per post, when it is first published (now, or when its scheduled time comes, also after a restart); taking a post back to a draft and publishing it again sends nothing more.",
    schema: announcementPublishedPayload,
  }),
];

declare module "../../platform/webhooks/registry.js" {
  interface WebhookPayloads {
    "announcement.published": z.input<typeof announcementPublishedPayload>;
  }
}
