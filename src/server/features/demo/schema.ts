import { z } from "zod";

/** GET /api/v1/demo: whether this instance is the demo, and what it replays (for the banner). */
export const demoView = z.object({
  demo: z
    .object({
      communitySlug: z.string(),
      communityName: z.string(),
      /** The year whose events are replayed, with their request and call windows reopened. */
      year: z.number().int(),
      /** When the demo was loaded: a banner dismissed before a new seed shows again. */
      seededAt: z.string(),
    })
    .nullable(),
});
export type DemoView = z.infer<typeof demoView>;
