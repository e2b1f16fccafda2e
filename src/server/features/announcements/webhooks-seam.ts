import type { AppContext } from "../../platform/context.js";

/**
 * The webhook event "announcement.published". The webhook registry (another feature area,
 * not on main yet) will take events in the transaction of the change; until it lands this
 * seam announces them on the bus after commit, with the payload subscribers will receive.
 * Replacing the body of `emitPublished` is the whole of the switch.
 */
export const ANNOUNCEMENT_PUBLISHED = "announcement.published";

export interface AnnouncementPublished {
  id: string;
  community: string;
  slug: string;
  title: string;
  url: string;
  publishedAt: string;
  tags: string[];
}

export async function emitPublished(ctx: AppContext, payloads: readonly AnnouncementPublished[]): Promise<void> {
  for (const p of payloads) await ctx.bus.publish(ANNOUNCEMENT_PUBLISHED, { ...p });
}
