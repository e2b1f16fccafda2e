import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { backup, restore } from "../../platform/db/backup.js";
import { exportCommunity, importCommunity } from "../events/index.js";
import { seedDemoIfEmpty } from "./seed.js";
import { xenProject } from "./xen2014.js";

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
    expect(events.filter((e) => e.kind === "external").map((e) => e.startDate)).toEqual(expect.arrayContaining(["2014-03-27", "2014-04-07", "2014-04-10"]));
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
    const { talks } = json<{ talks: { title: string; startsLocal: string; event: { timeZone: string; name: string; city: string }; speakers: { name: string; affiliation: string }[]; distanceKm: number | null }[] }>(
      await t().app.inject({ method: "GET", url: "/api/v1/communities/xen-project/road/talks?when=past&limit=20" }),
    );
    // At the event and in the city the source puts each one.
    const seen = talks.map((x) => [x.startsLocal, x.event.timeZone, x.event.name, x.event.city, x.title, x.speakers.map((s) => [s.name, s.affiliation].filter(Boolean).join(", ")).join("; ")]).reverse();
    const napa = ["America/Los_Angeles", "Linux Foundation Collaboration Summit 2014", "Napa, California"];
    const denver = ["America/Denver", "ApacheCon and CloudStack Collaboration Conference 2014", "Denver, Colorado"];
    expect(seen).toEqual([
      ["2014-03-27T11:30", ...napa, "Xen versus Xen Automotive", "Alex Azizam, CTO, GlobalLogic"],
      ["2014-03-27T14:00", ...napa, "XenGT: A Full GPU Virtualization Solution with Mediated Pass-Through", "Zhiyuan Lv, Software Engineer, Intel"],
      ["2014-03-27T15:00", ...napa, "PVH: A PV Guest in HVM Container", "Mukesh Rathor, Software Engineer, Oracle"],
      ["2014-03-27T16:00", ...napa, "Xen Project 4.4: Features and Futures", "Xen Project community manager"],
      ["2014-04-10T14:20", ...denver, "Xen Project 4.4: Features and Futures", "Xen Project community manager"],
      ["2014-04-10T16:20", "America/Denver", "CentOS Dojo Denver 2014", "Denver, Colorado", "Using and Understanding Xen CentOS", "Xen Project community manager"],
      ["2014-04-11T11:45", ...denver, "The New Cloud Stack — CloudStack, Xen and GlusterFS", "John Mark Walker, Gluster Community Manager, Red Hat"],
    ]);
  });

  it("holds the facts of its source: the events' days, and what each March post says", async () => {
    type Talk = { title: string; startsLocal: string; event: { name: string; venue: string; startDate: string; endDate: string } };
    const { talks } = json<{ talks: Talk[] }>(await t().app.inject({ method: "GET", url: "/api/v1/communities/xen-project/road/talks?when=past&limit=20" }));
    // Each talk is on a day its event holds.
    for (const x of talks) {
      expect(x.startsLocal.slice(0, 10) >= x.event.startDate && x.startsLocal.slice(0, 10) <= x.event.endDate, x.title).toBe(true);
      // The source names no venue in Napa or Denver.
      expect(x.event.venue).toBe("");
    }
    // ApacheCon and the CloudStack conference were announced for 7–9 April, the talks there are on the 10th and 11th.
    expect(talks.find((x) => x.event.name.startsWith("ApacheCon"))!.event).toMatchObject({ startDate: "2014-04-07", endDate: "2014-04-11" });

    const post = async (slug: string) => json<{ bodyHtml: string; title: string; publishAt: string }>(await t().app.inject({ method: "GET", url: `/api/v1/communities/xen-project/announcements/${slug}` }));
    const text = async (slug: string) => {
      const p = await post(slug);
      return `${p.title} ${p.bodyHtml.replace(/<[^>]+>/g, "")}`.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    };
    const facts: Record<string, (string | RegExp)[]> = {
      "hackathon-2014-london": ["Rackspace", "London", "29 and 30 May", "29th", "five business days", "$15", "charity or open-source organisation", "travel stipends", "unconference"],
      "xen-project-team-hits-the-road": [
        "Collaboration Summit",
        "Napa Valley",
        "27 March",
        "Alex Azizam (GlobalLogic) on Xen versus Xen Automotive at 11:30",
        "Zhiyuan Lv (Intel) on XenGT at 14:00",
        "Mukesh Rathor (Oracle) on PVH at 15:00",
        "4.4 brings at 16:00",
        "10–11 April",
        "CloudStack Collaboration Conference (Thursday 14:20)",
        "CentOS Dojo (16:20)",
        "Friday at 11:45 John Mark Walker (Red Hat)",
        "slides and videos",
      ],
      "xengt-full-gpu-virtualization": ["Intel", "mediated pass-through", "dom0", "de-privileged", "September 2013", "2013 Developer Summit in Edinburgh", "upstream"],
      "xen-4-4-released": ["4.4.0", "eight months", "1,193 changesets", "six-month", "about six weeks", "osstest", "XenRT", "Coverity", "Jim Fehlig of SUSE", "Ian Jackson of Citrix", "David Vrabel of Citrix", "1,024", "4,096", "200,000", "ABI", "tech preview", "GRUB 2", "Xen Orchestra 3.3", "GlusterFS 3.5"],
      "developer-summit-2014-call-for-participation": ["Chicago", "18–19 August 2014", "2 May", "proposals for new development", "case studies", "benchmarks", "securing Xen-based clouds"],
    };
    for (const [slug, wanted] of Object.entries(facts)) {
      const body = await text(slug);
      for (const w of wanted) expect(body, `${slug} says ${String(w)}`).toContain(w);
    }
    // The archive's order, newest first: hackathon, road, XenGT, 4.4, summit call; all in March 2014.
    const days = await Promise.all(Object.keys(facts).map(async (slug) => (await post(slug)).publishAt));
    expect(days.every((d) => d.startsWith("2014-03-"))).toBe(true);
    expect([...days].sort().reverse()).toEqual(days);
  });

  // The reference lives beside the project (../shared/reference), not in it: checked where it is.
  const reference = new URL("../../../../../shared/reference/xen-project-blog-2014-03.txt", import.meta.url);
  it.skipIf(!existsSync(reference))("tells its source in its own words: no run of eight words is copied from it", () => {
    const words = (s: string) => s.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}$'.,]+/gu) ?? [];
    const runs = (s: string) => {
      const w = words(s).map((x) => x.replace(/[.,]+$/, ""));
      return w.slice(0, Math.max(0, w.length - 7)).map((_, i) => w.slice(i, i + 8).join(" "));
    };
    const source = new Set(runs(readFileSync(reference, "utf8")));
    const ours = [
      ...xenProject.announcements.map((a) => a.body),
      ...xenProject.events.map((e) => e.description),
      ...xenProject.roadTalks.map((x) => x.abstract),
    ];
    // Titles are quoted as published; everything else is ours.
    const titles = new Set(xenProject.roadTalks.flatMap((x) => runs(x.title)));
    const copied = ours.flatMap(runs).filter((r) => source.has(r) && !titles.has(r));
    expect(copied).toEqual([]);
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
