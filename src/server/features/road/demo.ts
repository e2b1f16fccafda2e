import type { AppContext } from "../../platform/context.js";
import { ROAD_CHANGED } from "../../platform/topics.js";
import { zonedToInstant } from "../../../shared/time.js";
import { communityBySlug } from "../communities/index.js";
import { eventBySlugs } from "../events/index.js";
import { talkSpeakers, talks } from "./tables.js";

/** A talk on the road as demo data gives it: local times at the venue, speakers as display text. */
export interface RoadTalkSeed {
  eventSlug: string;
  title: string;
  /** "YYYY-MM-DDTHH:MM" in the event's zone. */
  startsLocal: string;
  /** null where no end was published. */
  endsLocal: string | null;
  room: string | null;
  speakers: { name: string; affiliation: string }[];
  topics: string[];
  abstract: string;
  sessionUrl: string | null;
  slidesUrl: string | null;
  videoUrl: string | null;
}

/** Puts talks straight onto the calendar (approved): for the demo and imports, not for members' proposals. */
export async function seedRoadTalks(ctx: AppContext, communitySlug: string, seeds: readonly RoadTalkSeed[]): Promise<number> {
  const community = await communityBySlug(ctx.db, communitySlug);
  await ctx.db.transaction(async (tx) => {
    for (const s of seeds) {
      const e = await eventBySlugs(tx, communitySlug, s.eventSlug);
      const [t] = await tx
        .insert(talks)
        .values({
          communityId: community.id,
          eventId: e.id,
          state: "approved",
          title: s.title,
          abstract: s.abstract,
          startsAt: zonedToInstant(s.startsLocal, e.timeZone),
          endsAt: s.endsLocal ? zonedToInstant(s.endsLocal, e.timeZone) : null,
          room: s.room,
          topics: s.topics,
          sessionUrl: s.sessionUrl,
          slidesUrl: s.slidesUrl,
          videoUrl: s.videoUrl,
        })
        .returning({ id: talks.id });
      await tx.insert(talkSpeakers).values(s.speakers.map((p, position) => ({ talkId: t!.id, position, name: p.name, affiliation: p.affiliation })));
    }
  });
  await ctx.bus.publish(ROAD_CHANGED, { communityId: community.id });
  return seeds.length;
}
