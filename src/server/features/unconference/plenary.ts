import type { AppContext } from "../../platform/context.js";
import type { EventTarget } from "../events/index.js";
import { boardCost, boardProblems } from "./rules.js";
import type { PlenaryView } from "./schema.js";
import { latestVersion, loadState, openTopics, publishedPlacements, structureOf, toBoard, workingPlacements } from "./state.js";
import { topicView } from "./topics.js";

/** What the organisers' grid shows: the working board with its problems and its cost against the published version. */
export async function getPlenary(ctx: AppContext, { event, communitySlug, permit }: EventTarget): Promise<PlenaryView> {
  permit.require("unconference.organise");
  const s = await loadState(ctx.db, event);
  const last = await latestVersion(ctx.db, event.id);
  const board = toBoard(s);
  const working = workingPlacements(s);
  const me = permit.user.id;
  return {
    ...structureOf(s, communitySlug),
    version: last?.number ?? 0,
    publishedAt: last?.publishedAt.toISOString() ?? null,
    topics: s.topics.filter((t) => t.state !== "merged").map((t) => topicView(t, me, last?.board ?? null)),
    can: { propose: permit.can("unconference.participate"), organise: true },
    revision: s.settings.revision,
    working: openTopics(s).map((t) => ({ topicId: t.id, areaId: working.get(t.id)?.areaId ?? null, slotId: working.get(t.id)?.slotId ?? null, pinned: t.pinned })),
    problems: boardProblems(board, working),
    cost: boardCost(board, working, publishedPlacements(last?.board)),
  };
}
