import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { UserActor } from "../../platform/permissions.js";
import { ROAD_CHANGED } from "../../platform/topics.js";
import type { CommunityTarget } from "../communities/index.js";
import type { RecordingsBody, TalkView } from "./schema.js";
import { wantsRecordings } from "./rules.js";
import { talks } from "./tables.js";
import { loadTalk, loadTalks, toTalkView } from "./talk-views.js";
import { memberTarget, talkFor, updateInState } from "./propose-talk.js";

/** After the talk: its speakers or an organiser link the slides and the video (null removes a link). */
export async function setRecordings(ctx: AppContext, actor: UserActor, communitySlug: string, id: string, input: RecordingsBody): Promise<TalkView> {
  const { community, permit } = await memberTarget(ctx, actor, communitySlug);
  const t = await talkFor(ctx, permit, community.id, id, "addRecordings");
  await ctx.db.transaction((tx) => updateInState(tx, t, { ...(input.slidesUrl !== undefined ? { slidesUrl: input.slidesUrl } : {}), ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl } : {}) }, ctx.now()));
  await ctx.bus.publish(ROAD_CHANGED, { communityId: community.id, talkIds: [t.talk.id] });
  return toTalkView(await loadTalk(ctx.db, community.id, id), community.slug, permit, ctx.now());
}

/** "Slides and video wanted": past approved talks still missing either, most recent first, for organisers to chase. */
export async function recordingsWanted(ctx: AppContext, { community, permit }: CommunityTarget): Promise<{ talks: TalkView[] }> {
  permit.require("road.review");
  const now = ctx.now();
  const rows = await ctx.db
    .select({ id: talks.id })
    .from(talks)
    .where(and(eq(talks.communityId, community.id), eq(talks.state, "approved"), lt(talks.startsAt, now), or(isNull(talks.slidesUrl), isNull(talks.videoUrl))))
    .orderBy(desc(talks.startsAt))
    .limit(500);
  const loaded = await loadTalks(ctx.db, rows.map((r) => r.id));
  // The query narrows; the rule decides, as it does for the pages.
  return { talks: loaded.filter((t) => wantsRecordings(t.talk, now)).map((t) => toTalkView(t, community.slug, permit, now)) };
}
