import { randomUUID } from "node:crypto";
import type { AppContext } from "../platform/context.js";
import type { RegisteredRoute } from "../platform/http/route.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "./factories.js";

/** One person per role around one community and one event, for tests that walk every operation. */
export async function roleFixture(ctx: AppContext, opts: { published?: boolean } = {}) {
  const communityOrganiser = await makeUser(ctx);
  const community = await makeCommunity(ctx, { organiserId: communityOrganiser.id });
  const event = await makeEvent(ctx, community.id, { published: opts.published ?? false });
  const people: Record<string, SignedIn | null> = { anonymous: null, user: await makeUser(ctx) };
  for (const role of ["attendee", "speaker", "reviewer", "chair", "organiser"] as const) {
    const u = await makeUser(ctx);
    await grant(ctx, event.id, u.id, role);
    people[role] = u;
  }
  people.community_organiser = communityOrganiser;
  people.admin = await makeUser(ctx, { admin: true });
  return { community, event, people };
}

/** A concrete URL for a route template, pointing at the fixture's community and event. */
export function fillUrl(def: RegisteredRoute["def"], values: { community: string; event: string }): string {
  return def.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case "community":
        return values.community;
      case "event":
        return values.event;
      case "role":
        return "attendee";
      case "id":
        return "999999";
      case "template":
        return "registration.invited";
      case "provider":
        return "test";
      default:
        return randomUUID();
    }
  });
}
