import { Script } from "node:vm";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/mail/tables.js";
import { json, useTestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import type { DraftView, EditorView, ImportResult, MoveResult, MyAvailabilityView, PublicScheduleView, ReleaseView, SessionView, SetupView, SpeakerView, VersionView } from "./schema.js";
import { jsonSchemaErrors, xsdErrors } from "./test-helpers.js";

const t = useTestApp();
type Err = { error: { code: string; message: string; fields?: Record<string, string[]>; conflicts?: { kind: string }[] } };

async function conference() {
  const organiser = await makeUser(t().ctx, { name: "Olga Organiser" });
  const speakerUser = await makeUser(t().ctx, { name: "Sam Speaker" });
  const c = await makeCommunity(t().ctx, { organiserId: organiser.id });
  const e = await makeEvent(t().ctx, c.id, { kind: "conference", name: "Developer Summit", timeZone: "America/Chicago", startDate: "2014-08-18", endDate: "2014-08-19" });
  const base = `/api/v1/communities/${c.slug}/events/${e.slug}`;
  const call = async <T>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, payload?: unknown, who: SignedIn | null = organiser) => {
    const res = await t().app.inject({ method, url: `${base}${path}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { res, body: res.body ? (JSON.parse(res.body) as T) : (undefined as T) };
  };
  return { organiser, speakerUser, c, e, base, call };
}

/** Two rooms, one day with a lunch break, three speakers and four sessions, unscheduled. */
async function frame(x: Awaited<ReturnType<typeof conference>>) {
  await x.call("POST", "/schedule/rooms", { name: "Room A", capacity: 100 });
  const setup = (await x.call<SetupView>("POST", "/schedule/rooms", { name: "Room B", capacity: 20 })).body;
  await x.call("PUT", "/schedule/days", { days: [{ date: "2014-08-18", startTime: "09:00", endTime: "17:00" }] });
  await x.call("POST", "/schedule/blocks", { roomId: null, kind: "break", title: "Lunch", startsAt: "2014-08-18T12:00:00-05:00", endsAt: "2014-08-18T13:00:00-05:00" });
  const [a, b] = setup.rooms;
  const sam = (await x.call<SpeakerView>("POST", "/schedule/speakers", { name: "Sam Speaker", affiliation: "Example Corp" })).body;
  await t().ctx.db.execute(`update schedule_speakers set user_id = '${x.speakerUser.id}' where id = '${sam.id}'`);
  const kim = (await x.call<SpeakerView>("POST", "/schedule/speakers", { name: "Kim <b>Tag</b> & “Quote” 🎉", affiliation: "שלום" })).body;
  const s = async (title: string, speakerIds: string[], durationMinutes = 45, extra = {}) => (await x.call<SessionView>("POST", "/schedule/sessions", { title, speakerIds, durationMinutes, track: "Development", ...extra })).body;
  const s1 = await s("Xen on ARM", [sam.id]);
  const s2 = await s("Security <tips> & tricks\nsecond line", [kim.id], 45, { expectedAudience: 50 });
  const s3 = await s("Benchmarks", [sam.id]);
  const s4 = await s("Workshop", [], 90, { type: "workshop" });
  return { a: a!, b: b!, sam, kim, s1, s2, s3, s4 };
}

const place = (x: Awaited<ReturnType<typeof conference>>, id: string, roomId: string | null, startsAt: string | null, pinned?: boolean) => x.call<MoveResult & Err>("PUT", `/schedule/sessions/${id}/place`, { roomId, startsAt, ...(pinned !== undefined ? { pinned } : {}) });

describe("the schedule editor", () => {
  it("places sessions, refuses a move that double-books a speaker or fills a room twice, and warns about a room too small", async () => {
    const x = await conference();
    const f = await frame(x);
    expect((await place(x, f.s1.id, f.a.id, "2014-08-18T09:00:00-05:00")).res.statusCode).toBe(200);
    // Sam again at 09:30 in the other room: refused, with why, and nothing saved.
    const refused = await place(x, f.s3.id, f.b.id, "2014-08-18T09:30:00-05:00");
    expect(refused.res.statusCode).toBe(409);
    expect(refused.body.error.code).toBe("schedule_conflict");
    expect(refused.body.error.conflicts?.map((c) => c.kind)).toEqual(["speakerDoubleBooked"]);
    const roomClash = await place(x, f.s2.id, f.a.id, "2014-08-18T09:15:00-05:00");
    expect(roomClash.body.error.conflicts?.map((c) => c.kind)).toEqual(["roomOverlap"]);
    // Into the lunch break: refused; running into it from before: a warning only.
    expect((await place(x, f.s2.id, f.b.id, "2014-08-18T12:15:00-05:00")).body.error.conflicts?.map((c) => c.kind)).toEqual(["roomBlocked"]);
    const ok = await place(x, f.s2.id, f.b.id, "2014-08-18T11:30:00-05:00");
    expect(ok.res.statusCode).toBe(200);
    expect(ok.body.conflicts.map((c) => c.kind).sort()).toEqual(["overrunsSlot", "roomTooSmall"]);
    const editor = (await x.call<EditorView>("GET", "/schedule/editor")).body;
    expect(editor.sessions.find((s) => s.id === f.s3.id)?.roomId).toBeNull();
    expect(editor.conflicts.every((c) => !c.hard)).toBe(true);
    // Anyone else may not see the editor.
    expect((await x.call("GET", "/schedule/editor", undefined, x.speakerUser)).res.statusCode).toBe(403);
  });

  it("drafts the rest with the solver, keeps pins, previews a diff and applies it only on the schedule it was made for", async () => {
    const x = await conference();
    const f = await frame(x);
    await place(x, f.s1.id, f.a.id, "2014-08-18T09:00:00-05:00", true);
    const draft = (await x.call<DraftView>("POST", "/schedule/draft", { timeLimitSeconds: 1 })).body;
    expect(draft.placements.find((p) => p.sessionId === f.s1.id)).toBeUndefined();
    expect(draft.moves.length).toBe(3);
    expect(draft.unplaced).toEqual([]);
    expect(draft.lowerBound).not.toBeNull();
    const sam3 = draft.placements.find((p) => p.sessionId === f.s3.id)!;
    expect(Date.parse(sam3.startsAt!)).toBeGreaterThanOrEqual(Date.parse("2014-08-18T09:45:00-05:00"));
    // A change in between makes the draft stale; on the schedule as it now is (the change moved nothing), the same placements apply.
    await x.call("PATCH", "/schedule/settings", { defaultLanguage: "en" });
    expect((await x.call<Err>("POST", "/schedule/draft/apply", { baseRevision: draft.baseRevision, placements: draft.placements })).body.error.code).toBe("schedule_changed");
    const now = (await x.call<EditorView>("GET", "/schedule/editor")).body.revision;
    expect(now).toBeGreaterThan(draft.baseRevision);
    const applied = await x.call<{ moved: number }>("POST", "/schedule/draft/apply", { baseRevision: now, placements: draft.placements });
    expect(applied.body.moved).toBe(3);
    const editor = (await x.call<EditorView>("GET", "/schedule/editor")).body;
    expect(editor.sessions.find((s) => s.id === f.s1.id)).toMatchObject({ roomId: f.a.id, startsAt: "2014-08-18T14:00:00.000Z", pinned: true });
    expect(editor.conflicts.filter((c) => c.hard)).toEqual([]);
  });
});

describe("live updates in the editor", () => {
  it("tells an open editor when another organiser saves a change, not when its own organiser does", async () => {
    const x = await conference();
    const f = await frame(x);
    const other = await makeUser(t().ctx, { name: "Otto Organiser" });
    await grant(t().ctx, x.e.id, other.id, "organiser");
    // A plain request (not EventSource) is told what the address is for.
    const plain = await x.call<Err>("GET", "/schedule/editor/events");
    expect(plain.res.statusCode).toBe(400);
    expect(plain.body.error.code).toBe("validation_failed");

    const address = await t().app.listen({ port: 0, host: "127.0.0.1" });
    const stop = new AbortController();
    try {
      const res = await fetch(`${address}${x.base}/schedule/editor/events`, { headers: { ...x.organiser.headers, accept: "text/event-stream" }, signal: stop.signal });
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = res.body!.getReader();
      let text = "";
      const until = async (seen: (s: string) => boolean) => {
        while (!seen(text)) text += new TextDecoder().decode((await reader.read()).value);
      };
      await until((s) => s.includes(": connected"));
      // Olga's own move first, then Otto's: only Otto's reaches Olga's editor.
      await place(x, f.s1.id, f.a.id, "2014-08-18T09:00:00-05:00");
      const moved = await t().app.inject({ method: "PUT", url: `${x.base}/schedule/sessions/${f.s2.id}/place`, headers: other.headers, payload: { roomId: f.b.id, startsAt: "2014-08-18T09:00:00-05:00" } });
      expect(moved.statusCode).toBe(200);
      await until((s) => s.includes("data: "));
      expect(text.match(/^data: .*$/gm)).toEqual(["data: edited"]);
    } finally {
      stop.abort();
    }
  });
});

describe("releases and outputs", () => {
  it("refuses a release with a hard conflict, releases numbered versions with a change log, mails the moved speaker and serves valid outputs with validators", async () => {
    const x = await conference();
    const f = await frame(x);
    await place(x, f.s1.id, f.a.id, "2014-08-18T09:00:00-05:00");
    await place(x, f.s2.id, f.b.id, "2014-08-18T09:00:00-05:00");
    await place(x, f.s3.id, f.a.id, "2014-08-18T10:00:00-05:00");
    // Sam now says they can only come in the afternoon: two hard conflicts.
    await x.call("PATCH", `/schedule/speakers/${f.sam.id}`, { availability: [{ start: "2014-08-18T13:00:00-05:00", end: "2014-08-18T17:00:00-05:00" }] });
    const refused = await x.call<Err>("POST", "/schedule/releases", {});
    expect(refused.res.statusCode).toBe(409);
    expect(refused.body.error.conflicts?.map((c) => c.kind)).toEqual(["speakerUnavailable", "speakerUnavailable"]);
    await x.call("PATCH", `/schedule/speakers/${f.sam.id}`, { availability: null });

    const v1 = await x.call<ReleaseView>("POST", "/schedule/releases", { note: "First version" });
    expect(v1.res.statusCode).toBe(201);
    expect(v1.body).toMatchObject({ number: 1, sessions: 3, changes: [] });

    const pub = (await x.call<PublicScheduleView>("GET", "/schedule", undefined, null)).body;
    expect(pub.programme.items.map((i) => i.title)).toEqual(["Xen on ARM", "Security <tips> & tricks\nsecond line", "Benchmarks"]);
    const xml = await t().app.inject({ method: "GET", url: `${x.base}/schedule.xml` });
    expect(xml.headers["content-type"]).toContain("application/xml");
    expect(xml.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(xml.headers["last-modified"]).toBeTruthy();
    expect(xml.headers["cache-control"]).toContain("max-age");
    expect(xsdErrors(xml.body)).toEqual([]);
    expect((await t().app.inject({ method: "GET", url: `${x.base}/schedule.xml`, headers: { "if-none-match": xml.headers.etag as string } })).statusCode).toBe(304);
    expect((await t().app.inject({ method: "GET", url: `${x.base}/schedule.xml`, headers: { "if-modified-since": xml.headers["last-modified"] as string } })).statusCode).toBe(304);
    const j1 = await t().app.inject({ method: "GET", url: `${x.base}/schedule.json` });
    expect(jsonSchemaErrors(j1.body, 1)).toEqual([]);
    const j2 = await t().app.inject({ method: "GET", url: `${x.base}/schedule-v2.json` });
    expect(jsonSchemaErrors(j2.body, 2)).toEqual([]);
    const csv = await t().app.inject({ method: "GET", url: `${x.base}/schedule.csv` });
    expect(csv.body.split("\r\n")[0]).toMatch(/^date,start,end/);

    const icsV1 = (await t().app.inject({ method: "GET", url: `${x.base}/schedule.ics` })).body;
    const seq = (ics: string, id: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").find((v) => String(v.getFirstPropertyValue("uid")).includes(id))!;
    expect(seq(icsV1, f.s1.id).getFirstPropertyValue("sequence")).toBe(0);
    expect(String(seq(icsV1, f.s1.id).getFirstPropertyValue("url"))).toMatch(/\/schedule\/sessions\/1$/);
    const roomIcs = (await t().app.inject({ method: "GET", url: `${x.base}/schedule.ics?room=${f.b.id}` })).body;
    expect(new ICAL.Component(ICAL.parse(roomIcs)).getAllSubcomponents("vevent")).toHaveLength(1);

    // Move Sam's first session after the release: version 2 says so in words and Sam hears by mail.
    await place(x, f.s1.id, f.b.id, "2014-08-18T14:00:00-05:00");
    const editor = (await x.call<EditorView>("GET", "/schedule/editor")).body;
    expect(editor.pending.map((c) => c.kind)).toEqual(["moved"]);
    const v2 = (await x.call<ReleaseView>("POST", "/schedule/releases", {})).body;
    expect(v2.number).toBe(2);
    expect(v2.changes).toMatchObject([{ kind: "moved", title: "Xen on ARM", from: { room: "Room A", start: "2014-08-18T14:00:00.000Z" }, to: { room: "Room B", start: "2014-08-18T19:00:00.000Z" } }]);
    const mails = await t().ctx.db.select().from(outbox).where(eq(outbox.to, x.speakerUser.email));
    expect(mails.map((m) => m.template)).toEqual(["schedule.moved"]);
    expect(mails[0]!.text).toContain("Room A, Monday, 18 August 2014 at 09:00 (America/Chicago)");
    expect(mails[0]!.text).toContain("Room B, Monday, 18 August 2014 at 14:00 (America/Chicago)");

    // The outputs were rebuilt: a new ETag, the moved session's SEQUENCE raised, the others kept.
    const xml2 = await t().app.inject({ method: "GET", url: `${x.base}/schedule.xml`, headers: { "if-none-match": xml.headers.etag as string } });
    expect(xml2.statusCode).toBe(200);
    const icsV2 = (await t().app.inject({ method: "GET", url: `${x.base}/schedule.ics` })).body;
    expect(seq(icsV2, f.s1.id).getFirstPropertyValue("sequence")).toBe(1);
    expect(seq(icsV2, f.s3.id).getFirstPropertyValue("sequence")).toBe(0);
    // Version 1 stays readable as it was.
    const old = (await x.call<VersionView>("GET", "/schedule/versions/1", undefined, null)).body;
    expect(old.programme.items.find((i) => i.title === "Xen on ARM")?.roomId).toBe(f.a.id);
    expect((await x.call<{ releases: ReleaseView[] }>("GET", "/schedule/versions", undefined, null)).body.releases.map((r) => r.number)).toEqual([2, 1]);
  });

});

describe("a released schedule", () => {
  // One conference with two sessions placed and released, shared by the tests below; the round trip deletes it, so it comes last.
  let released: { x: Awaited<ReturnType<typeof conference>>; f: Awaited<ReturnType<typeof frame>> };
  beforeAll(async () => {
    const x = await conference();
    const f = await frame(x);
    await place(x, f.s1.id, f.a.id, "2014-08-18T09:00:00-05:00");
    await place(x, f.s2.id, f.b.id, "2014-08-18T09:00:00-05:00");
    await x.call("POST", "/schedule/releases", {});
    released = { x, f };
  });

  it("keeps a signed-in person's favourites on the account and serves them as a calendar at a signed address", async () => {
    const { x, f } = released;
    const fan = await makeUser(t().ctx);
    const fav = (await x.call<{ sessionIds: string[]; calendarUrl: string }>("PUT", "/schedule/favourites", { sessionIds: [f.s2.id] }, fan)).body;
    expect(fav.sessionIds).toEqual([f.s2.id]);
    const ics = await t().app.inject({ method: "GET", url: fav.calendarUrl.replace("http://plenary.test", "") });
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents("vevent");
    expect(events.map((v) => v.getFirstPropertyValue("summary"))).toEqual(["Security <tips> & tricks\nsecond line"]);
    expect((await t().app.inject({ method: "GET", url: fav.calendarUrl.replace("http://plenary.test", "").replace(/.{4}$/, "AAAA") })).statusCode).toBe(404);
    // Without an account: the browser's list of session numbers.
    const anon = await t().app.inject({ method: "GET", url: `${x.base}/schedule.ics?sessions=1,2` });
    expect(new ICAL.Component(ICAL.parse(anon.body)).getAllSubcomponents("vevent")).toHaveLength(2);
    // The widget may be framed by any site; nothing else may.
    const widget = await t().app.inject({ method: "GET", url: `${x.base}/schedule/widget?day=2014-08-18` });
    expect(widget.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(widget.headers["x-frame-options"]).toBeUndefined();
    expect(widget.body).toContain("Security &lt;tips&gt; &amp; tricks");
    // Its height goes to the host page, which sizes the iframe to it: only from that frame, at the widget's origin.
    expect(widget.body).toContain(`<script src="http://plenary.test${x.base}/schedule/widget.js" data-plenary-frame async></script>`);
    const script = (await t().app.inject({ method: "GET", url: `${x.base}/schedule/widget.js` })).body;
    expect(script).toContain('parent.postMessage({plenaryWidget:"height"');
    expect(script).toContain("e.source===f.contentWindow&&e.origin===o");
    expect(() => new Script(script)).not.toThrow();
  });

  it("lets a speaker say which times they cannot make, and the editor then warns about their session", async () => {
    const { x, f } = released;
    const mine = `${x.base}/schedule/my-availability`;
    const as = (who: SignedIn, payload?: object) => t().app.inject({ method: payload ? "PUT" : "GET", url: mine, headers: who.headers, ...(payload ? { payload } : {}) });
    expect(json(await as(x.speakerUser))).toMatchObject({ timeZone: "America/Chicago", unavailable: [] });
    expect((await as(await makeUser(t().ctx))).statusCode).toBe(404);
    // 08:30–10:00 in Chicago: kept from the day's start at 09:00, over Sam's session in Room A at 09:00.
    const set = await as(x.speakerUser, { unavailable: [{ start: "2014-08-18T13:30:00.000Z", end: "2014-08-18T15:00:00.000Z" }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(json<MyAvailabilityView>(set).unavailable).toEqual([{ start: "2014-08-18T14:00:00.000Z", end: "2014-08-18T15:00:00.000Z" }]);
    const warned = (await x.call<EditorView>("GET", "/schedule/editor")).body.conflicts;
    expect(warned).toContainEqual(expect.objectContaining({ kind: "speakerUnavailable", hard: true, sessionIds: [f.s1.id], speakerId: f.sam.id }));
    // Nothing to say: available throughout again.
    expect(json<MyAvailabilityView>(await as(x.speakerUser, { unavailable: [] })).unavailable).toEqual([]);
    expect((await x.call<EditorView>("GET", "/schedule/editor")).body.conflicts.filter((c) => c.kind === "speakerUnavailable")).toEqual([]);
  });

  it("imports a schedule.xml, schedule.json or version 2 schedule.json as a conference and exports the same schedule again", async () => {
    const { x } = released;
    const first = (await t().app.inject({ method: "GET", url: `${x.base}/schedule.xml` })).body;
    const firstJson = (await t().app.inject({ method: "GET", url: `${x.base}/schedule.json` })).body;
    const firstJson2 = (await t().app.inject({ method: "GET", url: `${x.base}/schedule-v2.json` })).body;
    // The copy goes to another community, at the same address; the guids are free once the original is gone.
    await t().ctx.db.execute(`delete from events where id = '${x.e.id}'`);
    // Version 2 carries the lunch break too, and comes back with it.
    for (const [format, content, path] of [["xml", first, "schedule.xml"], ["json", firstJson, "schedule.json"], ["json", firstJson2, "schedule-v2.json"]] as const) {
      const other = await makeCommunity(t().ctx, { organiserId: x.organiser.id });
      const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${other.slug}/schedule-imports`, headers: x.organiser.headers, payload: { format, content, slug: x.e.slug } });
      expect(res.statusCode, res.body).toBe(201);
      const r = json<ImportResult>(res);
      expect(r).toMatchObject({ rooms: 2, sessions: 2, speakers: 2, release: 1 });
      const again = (await t().app.inject({ method: "GET", url: `/api/v1/communities/${other.slug}/events/${r.eventSlug}/${path}` })).body;
      expect(r.eventSlug).toBe(x.e.slug);
      const norm = (s: string) => s.replaceAll(`/communities/${other.slug}/`, "/communities/C/").replaceAll(`/communities/${x.c.slug}/`, "/communities/C/").replace(/<version>\d+<\/version>|"version": "\d+"/g, "V");
      expect(norm(again)).toBe(norm(content));
      // Free the guids for the next format's copy.
      await t().ctx.db.execute(`delete from events where community_id = '${other.id}'`);
    }
  });
});

describe("importing a pretalx or frab schedule", () => {
  it("names the first problems of an invalid file with their lines and imports nothing", async () => {
    const x = await conference();
    const bad = `<?xml version="1.0"?>\n<schedule>\n<conference><title>T</title></conference>\n<day index="1" date="2014-08-18" start="2014-08-18T09:00:00-05:00" end="nope">\n<room name="A">\n<event guid="not-a-guid" id="1"><title>x</title><duration>00:30</duration><date>2014-08-18T09:00:00-05:00</date></event>\n</room></day></schedule>`;
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${x.c.slug}/schedule-imports`, headers: x.organiser.headers, payload: { format: "xml", content: bad } });
    expect(res.statusCode).toBe(422);
    const body = json<Err>(res);
    expect(body.error.code).toBe("schedule_import_invalid");
    expect(body.error.fields?.content).toEqual(["Line 4: day/@end has a value that cannot be read: “nope”.", "Line 6: event/@guid has a value that cannot be read: “not-a-guid”."]);
    const broken = await t().app.inject({ method: "POST", url: `/api/v1/communities/${x.c.slug}/schedule-imports`, headers: x.organiser.headers, payload: { format: "json", content: '{\n  "schedule": {\n    "conference": [1,\n  }\n}' } });
    expect(json<Err>(broken).error.fields?.content?.[0]).toMatch(/^Line 4: This is not valid JSON/);
  });
});
