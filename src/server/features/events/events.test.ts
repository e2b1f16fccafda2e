import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../platform/auth/tables.js";
import { json, useTestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser } from "../../test-support/factories.js";

const t = useTestApp();
type Err = { error: { code: string; message: string; fields?: Record<string, string[]> } };

const valid = {
  kind: "hackathon",
  slug: "hackathon-2030",
  name: "Hackathon 2030",
  venue: "Rackspace",
  city: "London",
  country: "United Kingdom",
  timeZone: "Europe/London",
  startDate: "2030-05-29",
  endDate: "2030-05-30",
  hostOrganisation: "Rackspace",
  description: "Bring your **projects**. <script>alert(1)</script>",
  capacity: 50,
};

describe("creating and editing events", () => {
  it("lets a community organiser create an event, which they then organise, and sanitises its description", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: org.headers, payload: valid });
    expect(res.statusCode).toBe(201);
    const body = json<{ descriptionHtml: string; can: { update: boolean }; capacity: number }>(res);
    expect(body.descriptionHtml).toContain("<strong>projects</strong>");
    expect(body.descriptionHtml).not.toContain("<script");
    expect(body.can.update).toBe(true);
    const dup = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: org.headers, payload: valid });
    expect(dup.statusCode).toBe(409);
    expect(json(dup)).toMatchObject({ error: { code: "slug_taken", fields: { slug: expect.any(Array) } } });
  });

  it("names every bad field", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const res = await t().app.inject({
      method: "POST",
      url: `/api/v1/communities/${c.slug}/events`,
      headers: org.headers,
      payload: { ...valid, kind: "party", slug: "Bad Slug", timeZone: "Mars/Olympus", startDate: "2030-02-30", capacity: 0, latitude: 120 },
    });
    expect(res.statusCode).toBe(400);
    const fields = json<{ error: { fields: Record<string, string[]> } }>(res).error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["kind", "slug", "timeZone", "startDate", "capacity", "latitude"]));
  });

  it("refuses an end before the start, on create and against stored dates on update", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const bad = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: org.headers, payload: { ...valid, endDate: "2030-05-01" } });
    expect(json(bad)).toMatchObject({ error: { fields: { endDate: expect.any(Array) } } });
    const e = await makeEvent(t().ctx, c.id);
    const upd = await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/events/${e.slug}`, headers: org.headers, payload: { endDate: "2001-01-01" } });
    expect(upd.statusCode).toBe(400);
    expect(json(upd)).toMatchObject({ error: { fields: { endDate: expect.any(Array) } } });
    const ok = await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/events/${e.slug}`, headers: org.headers, payload: { name: "Renamed", capacity: null } });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ name: "Renamed", capacity: null, startDate: "2030-05-29" });
  });

  it("hides unpublished events from everyone but their team", async () => {
    const c = await makeCommunity(t().ctx);
    const e = await makeEvent(t().ctx, c.id, { published: false });
    const speaker = await makeUser(t().ctx);
    await grant(t().ctx, e.id, speaker.id, "speaker");
    const stranger = await makeUser(t().ctx);
    const url = `/api/v1/communities/${c.slug}/events/${e.slug}`;
    expect((await t().app.inject({ method: "GET", url })).statusCode).toBe(404);
    expect((await t().app.inject({ method: "GET", url, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t().app.inject({ method: "GET", url, headers: speaker.headers })).statusCode).toBe(200);
    const list = json<{ events: { id: string }[] }>(await t().app.inject({ method: "GET", url: `/api/v1/events?community=${c.slug}` }));
    expect(list.events.map((x) => x.id)).not.toContain(e.id);
  });

  it("manages roles by email", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx);
    const e = await makeEvent(t().ctx, c.id);
    await grant(t().ctx, e.id, org.id, "organiser");
    const reviewer = await makeUser(t().ctx);
    const base = `/api/v1/communities/${c.slug}/events/${e.slug}/roles`;
    const added = await t().app.inject({ method: "POST", url: base, headers: org.headers, payload: { email: reviewer.email, role: "reviewer" } });
    expect(added.statusCode).toBe(200);
    expect(json<{ roles: { email: string; role: string }[] }>(added).roles).toContainEqual(expect.objectContaining({ email: reviewer.email, role: "reviewer" }));
    const nobody = await t().app.inject({ method: "POST", url: base, headers: org.headers, payload: { email: "nobody-here@example.org", role: "reviewer" } });
    expect(nobody.statusCode).toBe(400);
    expect(json(nobody)).toMatchObject({ error: { fields: { email: expect.any(Array) } } });
    const removed = await t().app.inject({ method: "DELETE", url: `${base}/${reviewer.id}/reviewer`, headers: org.headers });
    expect(removed.statusCode).toBe(204);
  });
});

describe("listing events", () => {
  it("filters by date, kind and text, soonest first", async () => {
    const c = await makeCommunity(t().ctx);
    await makeEvent(t().ctx, c.id, { slug: "later", name: "Later Summit", startDate: "2031-08-18", endDate: "2031-08-19" });
    await makeEvent(t().ctx, c.id, { slug: "sooner", name: "Sooner Hackathon", kind: "hackathon", city: "London", startDate: "2031-05-29", endDate: "2031-05-30" });
    await makeEvent(t().ctx, c.id, { slug: "past", name: "Past Talk", kind: "external", startDate: "2014-03-27", endDate: "2014-03-27" });
    const get = async (qs: string) => json<{ events: { slug: string }[]; total: number }>(await t().app.inject({ method: "GET", url: `/api/v1/events?community=${c.slug}&${qs}` }));
    expect((await get("")).events.map((e) => e.slug)).toEqual(["past", "sooner", "later"]);
    expect((await get("from=2020-01-01")).events.map((e) => e.slug)).toEqual(["sooner", "later"]);
    expect((await get("kind=hackathon")).events.map((e) => e.slug)).toEqual(["sooner"]);
    expect((await get("q=lond")).events.map((e) => e.slug)).toEqual(["sooner"]);
    expect((await get("q=100%25")).total).toBe(0);
    expect((await get("order=desc")).events.map((e) => e.slug)).toEqual(["later", "sooner", "past"]);
    expect((await get("order=desc&to=2031-12-31&limit=2")).events.map((e) => e.slug)).toEqual(["later", "sooner"]);
    const r = await t().app.inject({ method: "GET", url: "/api/v1/events?limit=0&from=yesterday" });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(r).error.fields).sort()).toEqual(["query.from", "query.limit"]);
  });
});

describe("the cached event list", () => {
  it("shows a change at once, because changes are announced on the bus", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const e = await makeEvent(t().ctx, c.id, { name: "Before" });
    const url = `/api/v1/events?community=${c.slug}`;
    expect(json<{ events: { name: string }[] }>(await t().app.inject({ method: "GET", url })).events[0]!.name).toBe("Before");
    await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/events/${e.slug}`, headers: org.headers, payload: { name: "After" } });
    const res = await t().app.inject({ method: "GET", url });
    expect(res.headers["content-type"]).toContain("application/json");
    expect(json<{ events: { name: string }[] }>(res).events[0]!.name).toBe("After");
  });
});

describe("in German", () => {
  it("answers with the event's errors and field messages in the reader's language, the code unchanged", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const missing = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/events/nope`, headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(missing.statusCode).toBe(404);
    expect(json<Err>(missing).error).toMatchObject({ code: "not_found", message: "Die Veranstaltung „nope“ wurde nicht gefunden." });
    const english = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/events/nope` });
    expect(json<Err>(english).error.message).toBe("Event 'nope' was not found.");

    // A signed-in organiser reads their account's language.
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, org.id));
    const german = org.headers;
    const bad = json<Err>(await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: german, payload: { ...valid, endDate: "2030-05-01", name: " " } }));
    expect(bad.error.fields).toMatchObject({ endDate: ["Die Veranstaltung kann nicht enden, bevor sie beginnt."], name: ["Geben Sie einen Namen ein."] });
    const e = await makeEvent(t().ctx, c.id);
    const upd = json<Err>(await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/events/${e.slug}`, headers: german, payload: { endDate: "2001-01-01" } }));
    expect(upd.error.fields!.endDate).toEqual([`Die Veranstaltung beginnt am ${e.startDate}; sie kann nicht am 2001-01-01 enden.`]);
    await makeEvent(t().ctx, c.id, { slug: "taken" });
    const dup = json<Err>(await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: german, payload: { ...valid, slug: "taken" } }));
    expect(dup.error).toMatchObject({ code: "slug_taken", message: "Diese Community hat schon eine Veranstaltung unter „taken“.", fields: { slug: ["Diese Adresse ist in dieser Community schon vergeben."] } });
  });
});
