import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import type { BoardView, EveningView, PlaceResult, PlanView, PlenaryView, StructureView, TopicView, VersionView } from "./schema.js";

const t = useTestApp();
type Err = { error: { code: string; fields?: Record<string, string[]>; problems?: { kind: string }[] } };

/** A hackathon with an organiser, two attendees and a stranger; the London demo's dates. */
async function hackathon() {
  const organiser = await makeUser(t().ctx, { name: "Olga Organiser" });
  const ada = await makeUser(t().ctx, { name: "Ada Attendee" });
  const bo = await makeUser(t().ctx, { name: "Bo Attendee" });
  const stranger = await makeUser(t().ctx, { name: "Sid Stranger" });
  const c = await makeCommunity(t().ctx);
  const e = await makeEvent(t().ctx, c.id, { kind: "hackathon", name: "Hackathon", timeZone: "Europe/London", startDate: "2014-05-29", endDate: "2014-05-30" });
  await grant(t().ctx, e.id, organiser.id, "organiser");
  await grant(t().ctx, e.id, ada.id, "attendee");
  await grant(t().ctx, e.id, bo.id, "attendee");
  const base = `/api/v1/communities/${c.slug}/events/${e.slug}/unconference`;
  const call = async <T>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, payload?: unknown, who: SignedIn | null = organiser) => {
    const res = await t().app.inject({ method, url: `${base}${path}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T & Err };
  };
  /** Polls a plan until it finishes, as the organiser's page does. */
  const settle = async (plan: PlanView) => {
    while (plan.state === "running") {
      await new Promise((r) => setTimeout(r, 50));
      plan = (await call<PlanView>("GET", `/plans/${plan.id}`)).body;
    }
    return plan;
  };
  return { organiser, ada, bo, stranger, c, e, base, call, settle };
}

type H = Awaited<ReturnType<typeof hackathon>>;

/** One day: plenary 9:00–9:30, three one-hour slots, lunch over the third; two areas, one with a projector. */
const STRUCTURE = {
  days: [{ date: "2014-05-29", startTime: "09:00", endTime: "17:00" }],
  slots: [
    { date: "2014-05-29", startTime: "09:30", endTime: "10:30" },
    { date: "2014-05-29", startTime: "10:30", endTime: "11:30" },
    { date: "2014-05-29", startTime: "12:30", endTime: "13:30" },
    { date: "2014-05-29", startTime: "13:30", endTime: "14:30" },
  ],
  areas: [
    { label: "1", capacity: 2, features: ["projector"] },
    { label: "2", capacity: 10, features: [] },
  ],
  fixed: [
    { date: "2014-05-29", startTime: "09:00", endTime: "09:30", kind: "plenary", title: "Morning plenary" },
    { date: "2014-05-29", startTime: "12:30", endTime: "13:30", kind: "lunch", title: "Lunch" },
  ],
};

async function structured(x: H) {
  const res = await x.call<StructureView>("PUT", "/structure", STRUCTURE);
  expect(res.status).toBe(200);
  return res.body;
}

describe("the unconference structure", () => {
  it("refuses overlapping slots, a slot outside its day and a label used twice, naming the field and saving nothing", async () => {
    const x = await hackathon();
    const saved = await structured(x);
    expect(saved.slots.map((s) => s.blocked)).toEqual([false, false, true, false]);
    const bad = await x.call("PUT", "/structure", {
      ...STRUCTURE,
      slots: [...STRUCTURE.slots, { date: "2014-05-29", startTime: "10:00", endTime: "10:45" }, { date: "2014-05-29", startTime: "16:30", endTime: "17:30" }],
      areas: [...STRUCTURE.areas, { label: "1", capacity: 3 }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(["areas.2.label", "slots.4.startTime", "slots.5.endTime"]);
    const outside = await x.call("PUT", "/structure", { ...STRUCTURE, days: [{ date: "2014-06-02", startTime: "09:00", endTime: "17:00" }], slots: [], fixed: [] });
    expect(Object.keys(outside.body.error.fields!)).toEqual(["days.0.date"]);
    expect((await x.call<StructureView>("GET", "/structure")).body).toEqual(saved);
    // Saving again with the ids keeps them; the attendee may not.
    const again = await x.call<StructureView>("PUT", "/structure", { ...STRUCTURE, slots: saved.slots.map(({ id, date, startTime, endTime }) => ({ id, date, startTime, endTime })), areas: saved.areas.map(({ id, label, capacity, features }) => ({ id, label: label === "1" ? "2" : "1", capacity, features })) });
    expect(again.body.slots.map((s) => s.id)).toEqual(saved.slots.map((s) => s.id));
    expect(again.body.areas.map((a) => a.label)).toEqual(["2", "1"]);
    expect((await x.call("PUT", "/structure", STRUCTURE, x.ada)).status).toBe(403);
  });
});

describe("topics and interest", () => {
  it("lets attendees propose and mark interest, refuses strangers as leaders and topics longer than a day, merges duplicates with their interest", async () => {
    const x = await hackathon();
    await structured(x);
    const arm = await x.call<TopicView>("POST", "/topics", { title: "Xen on ARM", description: "**bold** <script>alert(1)</script>", needs: ["projector"] }, x.ada);
    expect(arm.status).toBe(201);
    expect(arm.body.leaders.map((l) => l.name)).toEqual(["Ada Attendee"]);
    expect(arm.body.descriptionHtml).toContain("<strong>bold</strong>");
    expect(arm.body.descriptionHtml).not.toContain("script");
    expect((await x.call("POST", "/topics", { title: "No" }, x.stranger)).status).toBe(403);
    const notAttendee = await x.call("POST", "/topics", { title: "Led by a stranger", leaderIds: [x.stranger.id] }, x.ada);
    expect(notAttendee.status).toBe(400);
    expect(Object.keys(notAttendee.body.error.fields!)).toEqual(["leaderIds.0"]);
    const tooLong = await x.call("POST", "/topics", { title: "All day", length: 3 }, x.ada);
    expect(Object.keys(tooLong.body.error.fields!)).toEqual(["length"]);

    const dup = (await x.call<TopicView>("POST", "/topics", { title: "ARM port" }, x.bo)).body;
    await x.call("PUT", `/topics/${dup.id}/interest`, { mustAttend: true }, x.organiser);
    await x.call("PUT", `/topics/${arm.body.id}/interest`, {}, x.bo);
    const merged = await x.call<TopicView>("POST", `/topics/${dup.id}/merge`, { intoTopicId: arm.body.id });
    expect(merged.body.leaders.map((l) => l.name).sort()).toEqual(["Ada Attendee", "Bo Attendee"]);
    expect([merged.body.interest, merged.body.mustAttend]).toEqual([2, 1]);
    const late = await x.call("PUT", `/topics/${dup.id}/interest`, {}, x.ada);
    expect([late.status, Object.keys(late.body.error.fields!)]).toEqual([409, ["topic"]]);

    // Withdrawn by its leader; the board keeps the public out when the organisers say so.
    expect((await x.call<TopicView>("POST", `/topics/${arm.body.id}/withdraw`, undefined, x.bo)).body.state).toBe("withdrawn");
    expect((await x.call<BoardView>("GET", "", undefined, null)).body.topics.map((t) => t.state)).toEqual(["withdrawn"]);
    await x.call("PATCH", "/settings", { visibility: "attendees" });
    expect((await x.call("GET", "", undefined, null)).status).toBe(404);
    expect((await x.call("GET", "", undefined, x.ada)).status).toBe(200);
  });
});

describe("the morning plenary", () => {
  it("plans in a worker, previews a diff, moves and pins with warnings, publishes numbered versions and refuses a stale one", async () => {
    const x = await hackathon();
    const s = await structured(x);
    const [s1, s2, lunch, s4] = s.slots;
    const [a1, a2] = s.areas;
    const arm = (await x.call<TopicView>("POST", "/topics", { title: "Xen on ARM", needs: ["projector"] }, x.ada)).body;
    const nfv = (await x.call<TopicView>("POST", "/topics", { title: "NFV" }, x.ada)).body;
    const mirage = (await x.call<TopicView>("POST", "/topics", { title: "Mirage OS", needs: ["gpu"] }, x.bo)).body;
    for (const who of [x.bo, x.organiser]) for (const topic of [arm, nfv]) await x.call("PUT", `/topics/${topic.id}/interest`, {}, who);

    const started = await x.call<PlanView>("POST", "/plans", { timeLimitSeconds: 1 });
    expect(started.status).toBe(202);
    let plan = await x.settle(started.body);
    expect(plan.state).toBe("done");
    const preview = plan.preview!;
    expect(preview.diff.find((d) => d.topicId === mirage.id)).toMatchObject({ kind: "unplaced", reason: "no area has feature 'gpu'" });
    expect(preview.diff.filter((d) => d.kind === "added").map((d) => d.title).sort()).toEqual(["NFV", "Xen on ARM"]);
    // Ada leads both: never at once; ARM needs the projector of area 1.
    const at = new Map(preview.placements.map((p) => [p.topicId, p]));
    expect(at.get(arm.id)!.areaId).toBe(a1!.id);
    expect(at.get(arm.id)!.slotId).not.toBe(at.get(nfv.id)!.slotId);
    expect(preview.breakdown.unplaced).toBe(1);
    expect(preview.lowerBound).not.toBeNull();

    const applied = await x.call<PlaceResult>("POST", "/plans/apply", { baseRevision: preview.baseRevision, placements: preview.placements });
    expect(applied.status).toBe(200);
    expect((await x.call("POST", "/plans/apply", { baseRevision: preview.baseRevision, placements: [] })).body.error.code).toBe("unconference_changed");

    // A pin on the lunch slot is refused; a move next to Ada's other topic warns.
    const blocked = await x.call("PUT", `/topics/${nfv.id}/place`, { areaId: a2!.id, slotId: lunch!.id, pinned: true });
    expect([blocked.status, Object.keys(blocked.body.error.fields!)]).toEqual([409, ["slotId"]]);
    const armSlot = at.get(arm.id)!.slotId;
    const warned = await x.call<PlaceResult>("PUT", `/topics/${nfv.id}/place`, { areaId: a2!.id, slotId: armSlot, pinned: true });
    expect(warned.status).toBe(200);
    expect(warned.body.problems.map((p) => p.kind).sort()).toEqual(["clashes", "leaderDoubleBooked"]);
    const plenary = (await x.call<PlenaryView>("GET", "/plenary")).body;
    expect(plenary.cost.clashes).toBe(2);
    expect(plenary.working.find((w) => w.topicId === nfv.id)).toMatchObject({ pinned: true, slotId: armSlot });

    const v1 = await x.call<VersionView>("POST", "/versions", { baseVersion: 0 });
    expect(v1.status).toBe(201);
    expect(v1.body.number).toBe(1);
    expect(v1.body.changes.map((c) => c.kind)).toEqual(["added", "added"]);
    const stale = await x.call("POST", "/versions", { baseVersion: 0 });
    expect([stale.status, stale.body.error.code, Object.keys(stale.body.error.fields!)]).toEqual([409, "unconference_changed", ["baseVersion"]]);

    // Re-planning keeps the pin and moves the other topic off Ada's slot; the published board stays until the next publish.
    const again = await x.call<PlanView>("POST", "/plans", { timeLimitSeconds: 1 });
    plan = await x.settle(again.body);
    expect(plan.preview!.placements.find((p) => p.topicId === nfv.id)).toMatchObject({ areaId: a2!.id, slotId: armSlot });
    expect(plan.preview!.diff.find((d) => d.topicId === arm.id)?.kind).toBe("moved");
    expect([s1!.id, s2!.id, s4!.id]).toContain(plan.preview!.placements.find((p) => p.topicId === arm.id)!.slotId);

    // The schedule outputs serve the published board.
    const ics = await t().app.inject({ method: "GET", url: `/api/v1/communities/${x.c.slug}/events/${x.e.slug}/schedule.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain("SUMMARY:NFV");
    expect(ics.body).toContain("TZID=Europe/London");
  });

  it("cancels a running plan and leaves the board untouched", async () => {
    const x = await hackathon();
    await structured(x);
    for (let i = 0; i < 3; i++) await x.call("POST", "/topics", { title: `Topic ${i}` }, x.ada);
    const plan = (await x.call<PlanView>("POST", "/plans", { timeLimitSeconds: 20 })).body;
    const cancelled = await x.call<PlanView>("DELETE", `/plans/${plan.id}`);
    expect(cancelled.body.state).toBe("cancelled");
    expect((await x.call<PlenaryView>("GET", "/plenary")).body.working.every((w) => w.areaId === null)).toBe(true);
    expect((await x.call("GET", "/plans/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("the evening plenary", () => {
  it("shows the day's topics with their summaries, runs a demo queue leaders sign up to, and collects feedback with votes that organisers adopt", async () => {
    const x = await hackathon();
    const s = await structured(x);
    const arm = (await x.call<TopicView>("POST", "/topics", { title: "Xen on ARM" }, x.ada)).body;
    const nfv = (await x.call<TopicView>("POST", "/topics", { title: "NFV" }, x.bo)).body;
    await x.call("PUT", `/topics/${arm.id}/place`, { areaId: s.areas[0]!.id, slotId: s.slots[0]!.id });
    await x.call("POST", "/versions", { baseVersion: 0 });
    await x.call("PATCH", `/topics/${arm.id}`, { summary: "Booted on a **Cubieboard**", outcomes: "[patch](https://lists.xenproject.org/x)" }, x.ada);
    expect((await x.call("PATCH", `/topics/${arm.id}`, { summary: "not mine" }, x.bo)).status).toBe(403);

    const day = "2014-05-29";
    expect((await x.call("POST", "/demos", { topicId: arm.id, date: day }, x.bo)).status).toBe(403);
    await x.call("POST", "/demos", { topicId: arm.id, date: day, minutes: 3 }, x.ada);
    const both = await x.call<EveningView>("POST", "/demos", { topicId: nfv.id, date: day }, x.bo);
    expect(both.status).toBe(201);
    expect((await x.call("POST", "/demos", { topicId: nfv.id, date: day }, x.bo)).body.error.code).toBe("unconference_topic_state");
    const [first, second] = both.body.demos;
    const ordered = await x.call<EveningView>("PUT", "/demos/order", { date: day, demoIds: [second!.id, first!.id] });
    expect(ordered.body.demos.map((d) => d.title)).toEqual(["NFV", "Xen on ARM"]);
    expect(Object.keys((await x.call("PUT", "/demos/order", { date: day, demoIds: [first!.id] })).body.error.fields!)).toEqual(["demoIds"]);
    const started = await x.call<EveningView>("POST", `/demos/${second!.id}/start`);
    expect(started.body.demos[0]!.startedAt).not.toBeNull();

    const fb = await x.call<EveningView>("POST", "/feedback", { date: day, kind: "try", text: "Shorter pitches" }, x.bo);
    const id = fb.body.feedback[0]!.id;
    await x.call("PUT", `/feedback/${id}/vote`, undefined, x.ada);
    await x.call("PUT", `/feedback/${id}/vote`, undefined, x.ada);
    expect((await x.call("PUT", `/feedback/${id}/adopted`, { adopted: true }, x.ada)).status).toBe(403);
    await x.call("PUT", `/feedback/${id}/adopted`, { adopted: true });
    const evening = await x.call<EveningView>("GET", `/evening?date=${day}`, undefined, null);
    expect(evening.body.feedback).toEqual([{ id, kind: "try", text: "Shorter pitches", votes: 1, voted: false, adopted: true }]);
    expect(evening.body.topics.map((t) => [t.title, t.summaryHtml.trim()])).toEqual([["Xen on ARM", "<p>Booted on a <strong>Cubieboard</strong></p>"]]);
    expect(evening.body.topics[0]!.outcomesHtml).toContain('href="https://lists.xenproject.org/x"');
  });
});
