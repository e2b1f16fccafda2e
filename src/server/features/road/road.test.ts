import { parseFeed } from "@rowanmanning/feed-parser";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { users } from "../../platform/auth/tables.js";
import { outbox } from "../../platform/mail/tables.js";
import { json, useTestApp } from "../../test-support/app.js";
import { expectLinksToWebPages } from "../../test-support/feed-links.js";
import { makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import { greatCircleKm, smallestK } from "./distance.js";
import { gazetteer } from "./gazetteer.js";
import type { TalkList, TalkView } from "./schema.js";

const t = useTestApp();
type Fields = { error: { code: string; fields: Record<string, string[]> } };

const MUNICH = 2867714;

async function community() {
  const organiser = await makeUser(t().ctx, { name: "Olga Organiser" });
  const member = await makeUser(t().ctx, { name: "Mia Member" });
  const c = await makeCommunity(t().ctx, { organiserId: organiser.id });
  // The two US conferences of the demo, in the past, and one in Europe still to come.
  const napa = await makeEvent(t().ctx, c.id, { kind: "external", slug: "collab-summit", name: "Collaboration Summit", city: "Napa", country: "United States", latitude: 38.29714, longitude: -122.28553, timeZone: "America/Los_Angeles", startDate: "2014-03-26", endDate: "2014-03-28", venue: "The Meritage Resort" });
  const denver = await makeEvent(t().ctx, c.id, { kind: "external", slug: "cloudstack", name: "CloudStack Collaboration Conference", city: "Denver", country: "United States", latitude: 39.73915, longitude: -104.9847, timeZone: "America/Denver", startDate: "2014-04-09", endDate: "2014-04-11" });
  return { c, organiser, member, napa, denver };
}

const talkBody = (over: Record<string, unknown> = {}) => ({
  title: "Xen Project 4.4: Features and Futures",
  startsLocal: "2014-03-27T16:00",
  speakers: [{ name: "Xen Project community manager" }],
  topics: ["Release"],
  ...over,
});

async function propose(c: { slug: string }, who: SignedIn, body: Record<string, unknown>) {
  return t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/road/talks`, headers: who.headers, payload: body });
}

async function approve(c: { slug: string }, organiser: SignedIn, id: string) {
  const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/road/talks/${id}/decision`, headers: organiser.headers, payload: { decision: "approve" } });
  expect(res.statusCode).toBe(200);
  return json<TalkView>(res);
}

async function approved(c: { slug: string }, member: SignedIn, organiser: SignedIn, body: Record<string, unknown>) {
  const res = await propose(c, member, body);
  expect(res.statusCode, res.body).toBe(201);
  return approve(c, organiser, json<TalkView>(res).id);
}

const list = async (slug: string, qs: string) => json<TalkList>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${slug}/road/talks${qs}` }));

describe("proposing and approving talks on the road", () => {
  it("keeps a proposal off the calendar until an organiser approves it, then shows it on the calendar and the event's page and tells the proposer", async () => {
    const { c, organiser, member, napa } = await community();
    const res = await propose(c, member, talkBody({ eventSlug: napa.slug, speakers: [{ name: "Mia Member", affiliation: "Example Corp", accountEmail: member.email }] }));
    expect(res.statusCode).toBe(201);
    const proposed = json<TalkView>(res);
    expect(proposed).toMatchObject({ state: "proposed", startsLocal: "2014-03-27T16:00", startsAt: "2014-03-27T23:00:00.000Z", topics: ["release"], can: { edit: true, decide: false } });
    expect(proposed.speakers[0]).toMatchObject({ name: "Mia Member", userId: member.id });
    expect((await list(c.slug, "?when=all")).total).toBe(0);
    // Hidden from the public, visible to its speaker and the organisers.
    expect((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/talks/${proposed.id}` })).statusCode).toBe(404);
    const queue = json<{ talks: TalkView[] }>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/proposals`, headers: organiser.headers }));
    expect(queue.talks.map((x) => x.id)).toEqual([proposed.id]);
    expect((await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/road/talks/${proposed.id}/decision`, headers: member.headers, payload: { decision: "approve" } })).statusCode).toBe(403);

    const done = await approve(c, organiser, proposed.id);
    expect(done.state).toBe("approved");
    const again = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/road/talks/${proposed.id}/decision`, headers: organiser.headers, payload: { decision: "reject" } });
    expect(json<Fields>(again).error.code).toBe("talk_state");
    expect((await list(c.slug, "?when=all")).talks.map((x) => x.id)).toEqual([proposed.id]);
    const page = json<{ talks: { title: string; speakers: { name: string; affiliation: string | null }[]; url: string }[] }>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/events/${napa.slug}` }));
    expect(page.talks).toEqual([expect.objectContaining({ title: "Xen Project 4.4: Features and Futures", speakers: [{ name: "Mia Member", affiliation: "Example Corp" }], url: expect.stringContaining(`/road/talks/${proposed.id}`) })]);
    const mail = await t().ctx.db.select().from(outbox).where(eq(outbox.to, member.email));
    expect(mail.map((m) => m.template)).toContain("road.approved");
  });

  it("creates the conference a proposal describes when the talk is approved", async () => {
    const { c, organiser, member } = await community();
    const newEvent = { name: "Open Source Summit Europe", website: "https://example.org/osse", venue: "Messe", city: "Munich", country: "Germany", latitude: 48.13743, longitude: 11.57549, timeZone: "Europe/Berlin", startDate: "2031-09-15", endDate: "2031-09-17" };
    const talk = await approved(c, member, organiser, talkBody({ newEvent, startsLocal: "2031-09-16T10:00", endsLocal: "2031-09-16T10:40" }));
    expect(talk.event).toMatchObject({ slug: "open-source-summit-europe-2031", name: "Open Source Summit Europe", timeZone: "Europe/Berlin" });
    expect(talk).toMatchObject({ startsAt: "2031-09-16T08:00:00.000Z", durationMinutes: 40 });
    const e = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/events/${talk.event.slug}` });
    expect(json(e)).toMatchObject({ kind: "external", published: true });
  });

  it("names the field for bad input: coordinates out of range, an end before the start, a link that is not http(s), a day outside the event", async () => {
    const { c, member, napa } = await community();
    const newEvent = { name: "Somewhere Conf", city: "Nowhere", country: "Atlantis", latitude: 123, longitude: -200, timeZone: "Europe/Berlin", startDate: "2031-09-15", endDate: "2031-09-17" };
    const coords = json<Fields>(await propose(c, member, talkBody({ newEvent, startsLocal: "2031-09-16T10:00" })));
    expect(Object.keys(coords.error.fields)).toEqual(expect.arrayContaining(["newEvent.latitude", "newEvent.longitude"]));
    const ends = await propose(c, member, talkBody({ eventSlug: napa.slug, endsLocal: "2014-03-27T15:00" }));
    expect(ends.statusCode).toBe(400);
    expect(json<Fields>(ends).error.fields).toHaveProperty("endsLocal");
    const day = json<Fields>(await propose(c, member, talkBody({ eventSlug: napa.slug, startsLocal: "2014-04-01T10:00" })));
    expect(day.error.fields.startsLocal![0]).toContain("2014-03-26 to 2014-03-28");
    const link = json<Fields>(await propose(c, member, talkBody({ eventSlug: napa.slug, sessionUrl: "javascript:alert(1)" })));
    expect(link.error.fields).toHaveProperty("sessionUrl");
    const other = json<Fields>(await propose(c, member, talkBody({ eventSlug: napa.slug, speakers: [{ name: "Someone", accountEmail: "someone-else@example.org" }] })));
    expect(other.error.fields).toHaveProperty(["speakers.0.accountEmail"]);
  });

  it("takes slides and video only after the talk, refuses a video link that is not http(s), and lists past talks that still lack them", async () => {
    const { c, organiser, member, napa } = await community();
    const past = await approved(c, member, organiser, talkBody({ eventSlug: napa.slug, speakers: [{ name: "Mia", accountEmail: member.email }] }));
    const future = await makeEvent(t().ctx, c.id, { kind: "external", slug: "later", name: "Later Conf", latitude: 48.1, longitude: 11.5, timeZone: "Europe/Berlin", startDate: "2031-01-10", endDate: "2031-01-10" });
    const soon = await approved(c, member, organiser, talkBody({ eventSlug: future.slug, startsLocal: "2031-01-10T09:00" }));
    const url = (id: string) => `/api/v1/communities/${c.slug}/road/talks/${id}/recordings`;
    const early = await t().app.inject({ method: "PUT", url: url(soon.id), headers: organiser.headers, payload: { slidesUrl: "https://example.org/s.pdf" } });
    expect(json<Fields>(early).error.code).toBe("talk_state");
    const bad = await t().app.inject({ method: "PUT", url: url(past.id), headers: member.headers, payload: { videoUrl: "ftp://example.org/v.mp4" } });
    expect(bad.statusCode).toBe(400);
    expect(json<Fields>(bad).error.fields).toHaveProperty("videoUrl");
    const stranger = await makeUser(t().ctx);
    expect((await t().app.inject({ method: "PUT", url: url(past.id), headers: stranger.headers, payload: { slidesUrl: "https://example.org/s.pdf" } })).statusCode).toBe(403);
    const wanted = async () => json<{ talks: TalkView[] }>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/wanted`, headers: organiser.headers })).talks.map((x) => x.id);
    expect(await wanted()).toEqual([past.id]);
    const ok = await t().app.inject({ method: "PUT", url: url(past.id), headers: member.headers, payload: { slidesUrl: "https://example.org/s.pdf", videoUrl: "https://example.org/v" } });
    expect(json<TalkView>(ok)).toMatchObject({ slidesUrl: "https://example.org/s.pdf", videoUrl: "https://example.org/v" });
    expect(await wanted()).toEqual([]);
  });
});

describe("finding a talk near you", () => {
  async function calendar() {
    const x = await community();
    const { c, organiser, member, napa, denver } = x;
    const napaTalk = await approved(c, member, organiser, talkBody({ eventSlug: napa.slug, title: "XenGT", startsLocal: "2014-03-27T14:00", topics: ["gpu"], speakers: [{ name: "Zhiyuan Lv", affiliation: "Intel" }] }));
    const denverTalk = await approved(c, member, organiser, talkBody({ eventSlug: denver.slug, title: "Using and Understanding Xen CentOS", startsLocal: "2014-04-10T16:20", topics: ["centos"] }));
    const europe = await makeEvent(t().ctx, c.id, { kind: "external", slug: "fosdem", name: "FOSDEM", city: "Brussels", country: "Belgium", latitude: 50.85045, longitude: 4.34878, timeZone: "Europe/Brussels", startDate: "2014-02-01", endDate: "2014-02-02" });
    const europeTalk = await approved(c, member, organiser, talkBody({ eventSlug: europe.slug, title: "Xen on ARM", startsLocal: "2014-02-01T11:00", topics: ["arm"] }));
    return { ...x, napaTalk, denverTalk, europeTalk };
  }

  it("sorts by great-circle distance from a city, in km, and keeps only those within a radius", async () => {
    const { c, napaTalk, denverTalk, europeTalk } = await calendar();
    const near = await list(c.slug, `?when=all&place=${MUNICH}`);
    expect(near.origin?.label).toBe("Munich, Germany");
    expect(near.talks.map((x) => x.id)).toEqual([europeTalk.id, denverTalk.id, napaTalk.id]);
    const km = near.talks.map((x) => x.distanceKm!);
    expect(km[0]).toBeGreaterThan(590);
    expect(km[0]).toBeLessThan(610);
    expect(km[1]).toBeGreaterThan(8_000);
    expect(km[2]).toBeGreaterThan(km[1]!);
    expect((await list(c.slug, `?when=all&place=${MUNICH}&within=500`)).total).toBe(0);
    expect((await list(c.slug, `?when=all&place=${MUNICH}&within=1000`)).talks.map((x) => x.id)).toEqual([europeTalk.id]);
    // The browser's location works the same way.
    expect((await list(c.slug, `?when=all&near=48.137,11.575`)).talks[0]!.id).toBe(europeTalk.id);
    const noOrigin = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/talks?within=500` });
    expect(json<Fields>(noOrigin).error.fields).toHaveProperty("query.within");
  });

  it("filters by time, month, country, topic and speaker, and counts months and facets", async () => {
    const { c, napaTalk, denverTalk } = await calendar();
    expect((await list(c.slug, "")).total).toBe(0); // all of it is in 2014: nothing upcoming
    const past = await list(c.slug, "?when=past");
    expect(past.talks.map((x) => x.title)).toEqual(["Using and Understanding Xen CentOS", "XenGT", "Xen on ARM"]);
    expect(past.facets.months).toEqual([
      { value: "2014-02", count: 1 },
      { value: "2014-03", count: 1 },
      { value: "2014-04", count: 1 },
    ]);
    expect((await list(c.slug, "?when=past&month=2014-03")).talks.map((x) => x.id)).toEqual([napaTalk.id]);
    expect((await list(c.slug, "?when=all&country=united%20states")).total).toBe(2);
    expect((await list(c.slug, "?when=all&topic=CentOS")).talks.map((x) => x.id)).toEqual([denverTalk.id]);
    expect((await list(c.slug, "?when=all&speaker=zhiyuan%20lv")).talks.map((x) => x.id)).toEqual([napaTalk.id]);
    expect(past.facets.topics.map((f) => f.value)).toEqual(expect.arrayContaining(["gpu", "centos", "arm"]));
  });

  it("publishes the same selection as iCalendar with the right instants and as Atom whose entries link to their talks", async () => {
    const { c, napaTalk, denverTalk, europeTalk } = await calendar();
    const sel = await list(c.slug, `?when=all&place=${MUNICH}&within=9000`);
    expect(sel.feeds.ical).toBe(`http://plenary.test/api/v1/communities/${c.slug}/road/calendar.ics?when=all&place=${MUNICH}&within=9000`);
    const ics = await t().app.inject({ method: "GET", url: sel.feeds.ical.replace("http://plenary.test", "") });
    expect(ics.headers["content-type"]).toContain("text/calendar");
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const vevents = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byUid = new Map(vevents.map((v) => [v.uid, v]));
    expect(vevents.length).toBe(2);
    const denver = byUid.get(`road-talk-${denverTalk.id}@plenary.test`)!;
    expect(denver.startDate.toJSDate().toISOString()).toBe("2014-04-10T22:20:00.000Z");
    expect(denver.startDate.zone?.tzid).toBe("America/Denver");
    expect(byUid.has(`road-talk-${europeTalk.id}@plenary.test`)).toBe(true);
    expect(byUid.has(`road-talk-${napaTalk.id}@plenary.test`)).toBe(false);

    const atom = await t().app.inject({ method: "GET", url: sel.feeds.atom.replace("http://plenary.test", "") });
    expect(atom.headers["content-type"]).toContain("application/atom+xml");
    const feed = parseFeed(atom.body);
    expect(feed.items.map((i) => i.id)).toEqual([`urn:uuid:${europeTalk.id}`, `urn:uuid:${denverTalk.id}`]);
    for (const item of feed.items) {
      const id = item.url!.split("/").pop()!;
      expect(item.url).toBe(`http://plenary.test/communities/${c.slug}/road/talks/${id}`);
      expect((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/talks/${id}` })).statusCode).toBe(200);
      expect(item.updated).toBeInstanceOf(Date);
    }
    // Same data, same bytes, and a reader that has them gets 304.
    const again = await t().app.inject({ method: "GET", url: sel.feeds.atom.replace("http://plenary.test", "") });
    expect(again.body).toBe(atom.body);
    const cached = await t().app.inject({ method: "GET", url: sel.feeds.atom.replace("http://plenary.test", ""), headers: { "if-none-match": String(atom.headers.etag) } });
    expect(cached.statusCode).toBe(304);
  });

  it("links every feed to the web pages, not to the API: the selection's page and each talk's", async () => {
    const { c } = await calendar();
    for (const qs of ["?when=all", `?when=all&place=${MUNICH}&within=9000`, "?when=past&topic=gpu"]) {
      const sel = await list(c.slug, qs);
      for (const url of [sel.feeds.atom, sel.feeds.ical]) {
        const res = await t().app.inject({ method: "GET", url: url.replace("http://plenary.test", "") });
        expect(res.statusCode).toBe(200);
        expectLinksToWebPages(res.body, "http://plenary.test");
      }
    }
  });

  it("sees an approved talk at once, and a withdrawn one leaves", async () => {
    const { c, organiser, europeTalk } = await calendar();
    expect((await list(c.slug, "?when=all")).total).toBe(3);
    const w = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/road/talks/${europeTalk.id}/withdraw`, headers: organiser.headers });
    expect(json<TalkView>(w).state).toBe("withdrawn");
    expect((await list(c.slug, "?when=all")).total).toBe(2);
  });
});

describe("the OpenAPI document", () => {
  it("lists every feed as an operation with its media type", async () => {
    const doc = json<{ paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>> }>(await t().app.inject({ method: "GET", url: "/api/v1/openapi.json" }));
    const media = (path: string) => Object.keys(doc.paths[path]!.get!.responses["200"]!.content!);
    expect(media("/api/v1/communities/{community}/road/calendar.ics")).toEqual(["text/calendar; charset=utf-8"]);
    expect(media("/api/v1/communities/{community}/road/feed.atom")).toEqual(["application/atom+xml; charset=utf-8"]);
    expect(media("/api/v1/communities/{community}/announcements/feed.atom")).toEqual(["application/atom+xml; charset=utf-8"]);
    expect(media("/api/v1/communities/{community}/announcements/tags/{tag}/feed.atom")).toEqual(["application/atom+xml; charset=utf-8"]);
  });
});

describe("the gazetteer", () => {
  it("completes a city from its first letters, biggest first, offline", async () => {
    const res = json<{ places: { id: number; label: string }[]; suggestions: boolean }>(await t().app.inject({ method: "GET", url: "/api/v1/places?q=Munic" }));
    expect(res.places[0]).toMatchObject({ id: MUNICH, label: "Munich, Germany" });
    expect(res.suggestions).toBe(false);
    expect(gazetteer().search("napa", 3).places[0]).toMatchObject({ name: "Napa", region: "CA" });
  });

  it("answers a misspelt city with suggestions, not an error", async () => {
    const res = await t().app.inject({ method: "GET", url: "/api/v1/places?q=Muncih" });
    expect(res.statusCode).toBe(200);
    const body = json<{ places: { id: number }[]; suggestions: boolean }>(res);
    expect(body.suggestions).toBe(true);
    expect(body.places.map((p) => p.id)).toContain(MUNICH);
  });
});

describe("great-circle distance", () => {
  const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
  it("is a metric on the sphere: zero to itself, symmetric, at most half the circumference, and obeys the triangle inequality", () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        // Near antipodal points the haversine's asin works where its slope is unbounded, so a
        // rounding error of 1e-16 in its argument moves the result by up to ~1e-4 km: a metre
        // of slack is floating point, not a broken metric.
        const slack = 1e-3;
        const ab = greatCircleKm(a.lat, a.lon, b.lat, b.lon);
        expect(greatCircleKm(a.lat, a.lon, a.lat, a.lon)).toBeCloseTo(0, 6);
        expect(ab).toBeCloseTo(greatCircleKm(b.lat, b.lon, a.lat, a.lon), 6);
        expect(ab).toBeLessThanOrEqual(Math.PI * 6371.0088 + slack);
        expect(ab).toBeLessThanOrEqual(greatCircleKm(a.lat, a.lon, c.lat, c.lon) + greatCircleKm(c.lat, c.lon, b.lat, b.lon) + slack);
      }),
    );
    // Equator to pole is a quarter of the circumference; a degree of longitude on the equator is 1/360 of it.
    expect(greatCircleKm(0, 0, 90, 0)).toBeCloseTo((Math.PI * 6371.0088) / 2, 6);
    expect(greatCircleKm(0, 10, 0, 11)).toBeCloseTo((2 * Math.PI * 6371.0088) / 360, 6);
  });

  it("picks the k smallest in order, as a full sort would", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (xs, k) => {
        expect(smallestK(xs, k, (a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b).slice(0, k));
      }),
    );
  });
});

describe("in German", () => {
  const de = { "accept-language": "de-DE,de;q=0.9" };
  it("names where distances are measured from, the feeds and the errors in the reader's language", async () => {
    const { c, organiser, member, napa } = await community();
    const talk = await approved(c, member, organiser, talkBody({ eventSlug: napa.slug, title: "XenGT", startsLocal: "2014-03-27T14:00", speakers: [{ name: "Zhiyuan Lv", affiliation: "Intel" }] }));
    const get = (url: string) => t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road${url}`, headers: de });
    expect(json<TalkList>(await get("/talks?when=all&near=48.137,11.575")).origin?.label).toBe("Ihr Standort");
    expect(json<TalkList>(await get(`/talks?when=all&place=${MUNICH}`)).origin?.label).toBe("Munich, Germany");

    const atom = await get(`/feed.atom?when=all&place=${MUNICH}&within=10000`);
    expect(atom.headers["content-language"]).toBe("de");
    const feed = parseFeed(atom.body);
    expect(feed.title).toBe(`${c.name}: Vorträge im Umkreis von 10.000 km um Munich, Germany`);
    expect(feed.items[0]!.description).toContain("Donnerstag, 27. März 2014 um 14:00 (America/Los_Angeles) bei Collaboration Summit, The Meritage Resort, Napa, United States (");
    expect(feed.items[0]!.description).toMatch(/\(9\.\d{3} km entfernt\)\./);
    const english = parseFeed((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/road/feed.atom?when=all&place=${MUNICH}&within=10000` })).body);
    expect(english.title).toBe(`${c.name}: talks within 10,000 km of Munich, Germany`);
    const ics = await get("/calendar.ics?when=past&topic=release");
    expect(new ICAL.Component(ICAL.parse(ics.body)).getFirstPropertyValue("x-wr-calname")).toBe(`${c.name}: vergangene Vorträge zum Thema release`);
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent("vevent")!).description).toContain("bei Collaboration Summit");

    expect(json<{ error: { message: string } }>(await get(`/talks/00000000-0000-4000-8000-000000000000`)).error.message).toBe("Der Vortrag wurde nicht gefunden.");
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, member.id));
    const day = json<Fields>(await propose(c, member, talkBody({ eventSlug: napa.slug, startsLocal: "2014-04-01T10:00", title: "" })));
    expect(day.error.fields.title).toEqual(["Geben Sie den Titel des Vortrags ein."]);
    const outside = json<Fields>(await propose(c, member, talkBody({ eventSlug: napa.slug, startsLocal: "2014-04-01T10:00" })));
    expect(outside.error.fields.startsLocal).toEqual(["Collaboration Summit findet vom 2014-03-26 bis 2014-03-28 statt; der Vortrag muss an einem dieser Tage beginnen."]);
    const decided = await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/road/talks/${talk.id}`, headers: member.headers, payload: { title: "Neu" } });
    expect(json<{ error: { code: string; message: string } }>(decided).error).toEqual({ code: "talk_state", message: "Dieser Vortrag ist schon angenommen; so lässt er sich jetzt nicht ändern." });
  });
});
