import type { AppContext } from "../../platform/context.js";
import { createVerifiedUser } from "../accounts/index.js";
import { communityBySlug, communityCount } from "../communities/index.js";
import { eventBySlugs, importCommunity, type CommunityDocument } from "../events/index.js";
import { seedRegistrationDemo } from "../registration/index.js";
import { seedRoadTalks } from "../road/index.js";
import { seedAnnouncements } from "../announcements/index.js";
import { seedScheduleDemo } from "../schedule/index.js";
import { seedCfpDemo } from "../cfp/index.js";
import { summitCall } from "./summit-call.js";
import { seedUnconferenceDemo } from "../unconference/index.js";
import { hackathonBoard } from "./hackathon-board.js";
import { summitSchedule } from "./summit-schedule.js";
import type { DemoCommunity } from "./data-types.js";
import { demoInstance } from "./tables.js";
import { xenProject } from "./xen2014.js";

/** Printed at start; example.org addresses only, never real people's accounts. */
export const DEMO_PASSWORD = "plenary-demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@example.org", name: "Demo Admin", role: "instance admin", isAdmin: true },
  { email: "organiser@example.org", name: "Demo Organiser", role: "organiser of the Xen Project community", isAdmin: false },
  { email: "reviewer@example.org", name: "Demo Reviewer", role: "reviewer at the Developer Summit", isAdmin: false },
  { email: "chair@example.org", name: "Demo Chair", role: "programme committee chair at the Developer Summit", isAdmin: false },
  { email: "reviewer2@example.org", name: "Second Demo Reviewer", role: "programme committee member at the Developer Summit", isAdmin: false },
  { email: "speaker@example.org", name: "Demo Speaker", role: "speaker at the Developer Summit", isAdmin: false },
  { email: "attendee@example.org", name: "Demo Attendee", role: "attendee of the Hackathon", isAdmin: false },
] as const;

/** The demo facts as a community document (events and roles; talks and announcements are seeded by their features). */
export function demoDocument(data: DemoCommunity, organisers: string[], roles: Record<string, { email: string; role: "organiser" | "chair" | "reviewer" | "speaker" | "attendee" }[]>): CommunityDocument {
  return {
    format: "plenary-community",
    version: 1,
    community: { slug: data.slug, name: data.name, description: data.description, website: data.website },
    organisers,
    events: data.events.map((e) => ({ ...e, published: true, roles: roles[e.kind] ?? [] })),
  };
}

/** The year the demo's events happened in (the latest, should they span two). */
export function replayYear(data: DemoCommunity): number {
  return Math.max(...data.events.map((e) => Number(e.startDate.slice(0, 4))));
}

/** Seeds the Xen Project demo when the instance has no community yet; returns the logins, or null. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<{ password: string; accounts: { email: string; role: string }[] } | null> {
  if ((await communityCount(ctx.db)) > 0) return null;
  return seedDemo(ctx);
}

export async function seedDemo(ctx: AppContext): Promise<{ password: string; accounts: { email: string; role: string }[] }> {
  for (const a of DEMO_ACCOUNTS) await createVerifiedUser(ctx, ctx.db, { email: a.email, name: a.name, password: DEMO_PASSWORD, isAdmin: a.isAdmin });
  const doc = demoDocument(xenProject, ["organiser@example.org"], {
    conference: [
      { email: "chair@example.org", role: "chair" },
      { email: "reviewer@example.org", role: "reviewer" },
      { email: "reviewer2@example.org", role: "reviewer" },
      { email: "speaker@example.org", role: "speaker" },
    ],
    hackathon: [{ email: "attendee@example.org", role: "attendee" }],
  });
  await importCommunity(ctx, doc);
  // The flag the web app's banner reads: this instance replays the community's year.
  const community = await communityBySlug(ctx.db, xenProject.slug);
  await ctx.db.insert(demoInstance).values({ communityId: community.id, replayYear: replayYear(xenProject) }).onConflictDoNothing();
  await seedRoadTalks(ctx, xenProject.slug, xenProject.roadTalks);
  await seedAnnouncements(ctx, xenProject.slug, xenProject.announcements);
  const summit = xenProject.events.find((e) => e.kind === "conference");
  if (summit) await seedScheduleDemo(ctx, { ...summitSchedule, communitySlug: xenProject.slug, eventSlug: summit.slug, organiserEmail: "organiser@example.org" });
  if (summit) await seedCfpDemo(ctx, { ...summitCall, communitySlug: xenProject.slug, eventSlug: summit.slug });
  const hackathon = xenProject.events.find((e) => e.kind === "hackathon");
  if (hackathon) {
    await seedRegistrationDemo(ctx, (await eventBySlugs(ctx.db, xenProject.slug, hackathon.slug)).id);
    await seedUnconferenceDemo(ctx, { ...hackathonBoard, communitySlug: xenProject.slug, eventSlug: hackathon.slug });
  }
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
