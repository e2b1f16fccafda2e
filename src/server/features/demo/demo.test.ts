import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { backup, restore } from "../../platform/db/backup.js";
import { exportCommunity, importCommunity } from "../events/index.js";
import { seedDemoIfEmpty } from "./seed.js";

const t = useTestApp();

describe("the Xen Project 2014 demo", () => {
  it("is not claimed by an instance without it", async () => {
    expect(json(await t().app.inject({ method: "GET", url: "/api/v1/demo" }))).toEqual({ demo: null });
  });

  it("seeds once, with the published dates and places", async () => {
    const seeded = await seedDemoIfEmpty(t().ctx);
    expect(seeded?.accounts.every((a) => a.email.endsWith("@example.org"))).toBe(true);
    expect(await seedDemoIfEmpty(t().ctx)).toBeNull();
    const { events } = json<{ events: { slug: string; kind: string; city: string; startDate: string; endDate: string; timeZone: string }[] }>(await t().app.inject({ method: "GET", url: "/api/v1/events?community=xen-project" }));
    const hack = events.find((e) => e.kind === "hackathon")!;
    expect(hack).toMatchObject({ startDate: "2014-05-29", endDate: "2014-05-30", timeZone: "Europe/London" });
    const summit = events.find((e) => e.kind === "conference")!;
    expect(summit).toMatchObject({ city: expect.stringContaining("Chicago"), startDate: "2014-08-18", endDate: "2014-08-19", timeZone: "America/Chicago" });
    const detail = json<{ cfpClosesAt: string }>(await t().app.inject({ method: "GET", url: `/api/v1/communities/xen-project/events/${summit.slug}` }));
    expect(detail.cfpClosesAt.slice(0, 10)).toBe("2014-05-03"); // 2 May 23:59 in Chicago is 3 May in UTC
    expect(events.filter((e) => e.kind === "external").map((e) => e.startDate)).toEqual(expect.arrayContaining(["2014-03-26"]));
  });

  it("has the hackathon's unconference board: two days, six work areas, the plenaries, lunch and the social evening, and demo topics from the announced themes", async () => {
    const board = json<{ days: unknown[]; slots: unknown[]; areas: { label: string }[]; fixed: { title: string; date: string }[]; topics: { title: string; demo: boolean }[] }>(
      await t().app.inject({ method: "GET", url: "/api/v1/communities/xen-project/events/hackathon-2014/unconference" }),
    );
    expect([board.days.length, board.slots.length, board.areas.map((a) => a.label).join("")]).toEqual([2, 12, "123456"]);
    expect(board.fixed.filter((f) => f.title === "Social evening").map((f) => f.date)).toEqual(["2014-05-29"]);
    expect(board.topics.length).toBeGreaterThanOrEqual(6);
    expect(board.topics.every((x) => x.demo)).toBe(true);
    expect(board.topics.map((x) => x.title)).toContain("Cloud operating systems and Mirage OS");
  });

  it("tells the web app it is a replay of 2014, for as long as the demo community exists", async () => {
    const { demo } = json<{ demo: { communitySlug: string; communityName: string; year: number; seededAt: string } | null }>(await t().app.inject({ method: "GET", url: "/api/v1/demo" }));
    expect(demo).toMatchObject({ communitySlug: "xen-project", communityName: "Xen Project", year: 2014 });
    expect(Date.parse(demo!.seededAt)).not.toBeNaN();
  });

  it("holds the seven road talks of spring 2014 at their published local times, with their speakers", async () => {
    const { talks } = json<{ talks: { title: string; startsLocal: string; event: { timeZone: string; name: string }; speakers: { name: string; affiliation: string }[]; distanceKm: number | null }[] }>(
      await t().app.inject({ method: "GET", url: "/api/v1/communities/xen-project/road/talks?when=past&limit=20" }),
    );
    const seen = talks.map((x) => [x.startsLocal, x.event.timeZone, x.title, x.speakers.map((s) => [s.name, s.affiliation].filter(Boolean).join(", ")).join("; ")]).reverse();
    expect(seen).toEqual([
      ["2014-03-27T11:30", "America/Los_Angeles", "Xen versus Xen Automotive", "Alex Azizam, CTO, GlobalLogic"],
      ["2014-03-27T14:00", "America/Los_Angeles", "XenGT: A Full GPU Virtualization Solution with Mediated Pass-Through", "Zhiyuan Lv, Software Engineer, Intel"],
      ["2014-03-27T15:00", "America/Los_Angeles", "PVH: A PV Guest in HVM Container", "Mukesh Rathor, Software Engineer, Oracle"],
      ["2014-03-27T16:00", "America/Los_Angeles", "Xen Project 4.4: Features and Futures", "Xen Project community manager"],
      ["2014-04-10T14:20", "America/Denver", "Xen Project 4.4: Features and Futures", "Xen Project community manager"],
      ["2014-04-10T16:20", "America/Denver", "Using and Understanding Xen CentOS", "Xen Project community manager"],
      ["2014-04-11T11:45", "America/Denver", "The New Cloud Stack — CloudStack, Xen and GlusterFS", "John Mark Walker, Gluster Community Manager, Red Hat"],
    ]);
  });

  it("has the five March 2014 posts under \"Monthly Archives: March 2014\"", async () => {
    const march = json<{ heading: string; posts: { title: string; tags: string[] }[]; archives: { value: string; count: number }[] }>(await t().app.inject({ method: "GET", url: "/api/v1/communities/xen-project/announcements?month=2014-03" }));
    expect(march.heading).toBe("Monthly Archives: March 2014");
    expect(march.posts.map((p) => p.tags[0])).toEqual(["hackathon", "road", "xengt", "releases", "developer-summit"]);
    expect(march.archives).toEqual([{ value: "2014-03", count: 5 }]);
  });

  it("backs up and restores every row exactly", async () => {
    const before = await backup(t().ctx.database);
    expect(before.tables.events!.length).toBeGreaterThan(0);
    await makeUser(t().ctx); // a change after the backup, which the restore must undo
    await restore(t().ctx.database, before);
    const after = await backup(t().ctx.database);
    expect(after.tables).toEqual(before.tables);
    await expect(restore(t().ctx.database, { format: "something else" })).rejects.toThrow(/not a Plenary backup/);
  });

  it("exports a community and imports it elsewhere under a new address", async () => {
    const doc = await exportCommunity(t().ctx, "xen-project");
    expect(doc.events.length).toBeGreaterThan(3);
    const copy = { ...doc, community: { ...doc.community, slug: "xen-project-copy" }, organisers: [...doc.organisers, "unknown@example.org"] };
    const r = await importCommunity(t().ctx, copy);
    expect(r).toMatchObject({ slug: "xen-project-copy", events: doc.events.length, unknownPeople: ["unknown@example.org"] });
    const again = await exportCommunity(t().ctx, "xen-project-copy");
    expect(again.events).toEqual(doc.events);
    await expect(importCommunity(t().ctx, copy)).rejects.toMatchObject({ code: "slug_taken" });
    await expect(importCommunity(t().ctx, { format: "plenary-community" })).rejects.toMatchObject({ status: 400 });
  });
});
