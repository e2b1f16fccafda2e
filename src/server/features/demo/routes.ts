import { asc } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { communityNames } from "../communities/index.js";
import * as s from "./schema.js";
import { demoInstance } from "./tables.js";

/** What the banner says: the community and year this instance replays, or null on a real instance. */
export async function demoState(ctx: AppContext): Promise<s.DemoView> {
  const [row] = await ctx.db.select().from(demoInstance).orderBy(asc(demoInstance.seededAt)).limit(1);
  if (!row) return { demo: null };
  const community = (await communityNames(ctx.db, [row.communityId])).get(row.communityId);
  if (!community) return { demo: null };
  return { demo: { communitySlug: community.slug, communityName: community.name, year: row.replayYear, seededAt: row.seededAt.toISOString() } };
}

export function demoRoutes(r: Router, ctx: AppContext): void {
  r.add(
    { method: "GET", url: "/api/v1/demo", operationId: "getDemo", summary: "Whether this instance is the demo: which community's year it replays, with its request and call windows reopened so the flows can be tried.", tags: ["instance"], access: "public", response: s.demoView },
    async () => demoState(ctx),
  );
}
