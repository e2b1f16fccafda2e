import { parseFeed } from "@rowanmanning/feed-parser";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../platform/mail/tables.js";
import { json, useTestApp } from "../../test-support/app.js";
import { expectLinksToWebPages } from "../../test-support/feed-links.js";
import { makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import { webhookDeliveries, webhookEndpoints, webhookMessages } from "../../platform/webhooks/tables.js";
import { publishDue } from "./index.js";
import type { PostList, PostView } from "./schema.js";
import { announcementSubscribers } from "./tables.js";

const t = useTestApp();
type Fields = { error: { code: string; fields: Record<string, string[]> } };

async function setUp() {
  const writer = await makeUser(t().ctx, { name: "Wanda Writer" });
  const c = await makeCommunity(t().ctx, { organiserId: writer.id });
  return { writer, c };
}

async function write(c: { slug: string }, who: SignedIn, body: Record<string, unknown>) {
  const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements`, headers: who.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return json<PostView>(res);
}
async function publish(c: { slug: string }, who: SignedIn, slug: string, at: string | null = null) {
  const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements/${slug}/publish`, headers: who.headers, payload: { at } });
  expect(res.statusCode, res.body).toBe(200);
  return json<PostView>(res);
}
const index = async (slug: string, qs = "") => json<PostList>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${slug}/announcements${qs}` }));

/** Subscribes and confirms through the mail's link, as a reader would. */
async function subscriber(c: { slug: string }, email: string) {
  expect((await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/subscriptions`, payload: { email } })).statusCode).toBe(202);
  const [mail] = await t().ctx.db.select().from(outbox).where(and(eq(outbox.to, email), eq(outbox.template, "announcement.confirm")));
  const token = /token=([\w-]+)/.exec(mail!.text)![1]!;
  const confirmed = await t().app.inject({ method: "POST", url: "/api/v1/subscriptions/confirm", payload: { token } });
  expect(json(confirmed)).toMatchObject({ state: "confirmed" });
}

describe("writing and publishing announcements", () => {
  it("keeps drafts to the writers, renders sanitised Markdown, and lists a published post on the index, its month and its tags", async () => {
    const { writer, c } = await setUp();
    const post = await write(c, writer, { title: "Xen 4.4 is out!", body: "It is **here**.<script>alert(1)</script> <a href=\"https://example.org\" onclick=\"steal()\">notes</a> <img src=x onerror=alert(1)>", tags: ["releases", "Xen-4-4"] });
    expect(post).toMatchObject({ slug: "xen-4-4-is-out", state: "draft", tags: ["releases", "xen-4-4"], authorName: "Wanda Writer" });
    expect(post.bodyHtml).toContain("<strong>here</strong>");
    expect(post.bodyHtml).toContain('href="https://example.org"');
    expect(post.bodyHtml).not.toMatch(/script|onclick|onerror/);
    expect((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/${post.slug}` })).statusCode).toBe(404);
    expect((await index(c.slug)).total).toBe(0);

    await publish(c, writer, post.slug, "2014-03-10T12:00:00Z");
    const all = await index(c.slug);
    expect(all.posts.map((p) => p.slug)).toEqual([post.slug]);
    expect(all.archives).toEqual([{ value: "2014-03", count: 1 }]);
    const march = await index(c.slug, "?month=2014-03");
    expect(march.heading).toBe("Monthly Archives: March 2014");
    expect(march.total).toBe(1);
    expect((await index(c.slug, "?month=2014-04")).total).toBe(0);
    expect((await index(c.slug, "?tag=xen-4-4")).heading).toBe("Tag: xen-4-4");
    expect((await index(c.slug, "?tag=hackathon")).total).toBe(0);
    // The body's source is for writers only.
    const pub = json<PostView>(await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/${post.slug}` }));
    expect(pub.body).toBeNull();
    expect(pub.excerpt).toBe("It is here. notes");
    expect(pub.summary).toBe("");
  });

  it("pages the index ten at a time, newest first", async () => {
    const { writer, c } = await setUp();
    for (let i = 1; i <= 12; i++) await publish(c, writer, (await write(c, writer, { title: `Post ${i}` })).slug, `2014-03-${String(i).padStart(2, "0")}T12:00:00Z`);
    const first = await index(c.slug);
    expect(first).toMatchObject({ total: 12, pages: 2 });
    expect(first.posts[0]!.title).toBe("Post 12");
    expect((await index(c.slug, "?page=2")).posts.map((p) => p.title)).toEqual(["Post 2", "Post 1"]);
  });

  it("names the field for bad input and lists an event's announcements", async () => {
    const { writer, c } = await setUp();
    const bad = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements`, headers: writer.headers, payload: { title: "", coverImageUrl: "javascript:alert(1)", tags: ["Not a tag!"], eventSlug: "nope" } });
    expect(Object.keys(json<Fields>(bad).error.fields)).toEqual(expect.arrayContaining(["title", "coverImageUrl", "tags.0"]));
    const noAlt = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements`, headers: writer.headers, payload: { title: "Cover", coverImageUrl: "https://example.org/c.jpg" } });
    expect(json<Fields>(noAlt).error.fields).toHaveProperty("coverImageAlt");
    const e = await makeEvent(t().ctx, c.id, { slug: "summit" });
    const p = await write(c, writer, { title: "Summit news", eventSlug: "summit" });
    await publish(c, writer, p.slug);
    const ofEvent = await index(c.slug, `?event=${e.slug}`);
    expect(ofEvent.posts.map((x) => x.event?.slug)).toEqual(["summit"]);
    expect(ofEvent.heading).toBe("Announcements about Test Summit");
    const stranger = await makeUser(t().ctx);
    expect((await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements`, headers: stranger.headers, payload: { title: "Mine" } })).statusCode).toBe(403);
  });
});

describe("scheduled publishing", () => {
  it("publishes a post whose time passed while no server ran, once, however many processes run the job, and tells subscribers and webhooks once", async () => {
    const { writer, c } = await setUp();
    await subscriber(c, `reader-${c.slug}@example.org`);
    const post = await write(c, writer, { title: "Scheduled news", notifySubscribers: true });
    const soon = new Date(Date.now() + 60_000).toISOString();
    const scheduled = await publish(c, writer, post.slug, soon);
    expect(scheduled).toMatchObject({ state: "scheduled", publishAt: soon });
    expect((await index(c.slug)).total).toBe(0);
    expect(await publishDue(t().ctx)).toBe(0);

    const [endpoint] = await t()
      .ctx.db.insert(webhookEndpoints)
      .values({ communityId: c.id, url: "https://hooks.example.org/plenary", eventTypes: ["announcement.published"], secret: "whsec_dGVzdA==" })
      .returning();
    t().advance(120_000); // the server was down when its time came; now it is back
    const runs = await Promise.all([publishDue(t().ctx), publishDue(t().ctx), publishDue(t().ctx)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await publishDue(t().ctx)).toBe(0);
    const listed = await index(c.slug);
    expect(listed.posts.map((p) => [p.slug, p.publishAt])).toEqual([[post.slug, soon]]);
    const heard = async () =>
      (await t().ctx.db.select({ body: webhookMessages.body }).from(webhookDeliveries).innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId)).where(eq(webhookDeliveries.endpointId, endpoint!.id))).map((m) => JSON.parse(m.body) as { type: string; data: unknown });
    expect(await heard()).toEqual([{ id: expect.any(String), type: "announcement.published", version: 1, timestamp: expect.any(String), data: expect.objectContaining({ id: post.id, slug: post.slug, community: c.slug, publishedAt: soon, url: `http://plenary.test/communities/${c.slug}/announcements/${post.slug}` }) }]);
    const mails = await t().ctx.db.select().from(outbox).where(eq(outbox.template, "announcement.published"));
    const ours = mails.filter((m) => m.meta.announcementId === post.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/plenary\.test\/api\/v1\/subscriptions\/unsubscribe\?token=[\w-]+>$/);
    expect(ours[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    // Unpublished and published again: no second mail.
    await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/announcements/${post.slug}/unpublish`, headers: writer.headers });
    await publish(c, writer, post.slug);
    expect((await t().ctx.db.select().from(outbox).where(eq(outbox.template, "announcement.published"))).filter((m) => m.meta.announcementId === post.id)).toHaveLength(1);
    expect(await heard()).toHaveLength(1);
  });
});

describe("subscriptions", () => {
  it("sends nothing before the address is confirmed, and the one-click unsubscribe of RFC 8058 ends it", async () => {
    const { writer, c } = await setUp();
    const email = `unconfirmed-${c.slug}@example.org`;
    await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/subscriptions`, payload: { email } });
    const confirmed = `confirmed-${c.slug}@example.org`;
    await subscriber(c, confirmed);
    await publish(c, writer, (await write(c, writer, { title: "Hello readers", notifySubscribers: true })).slug);
    const sent = (await t().ctx.db.select().from(outbox).where(eq(outbox.template, "announcement.published"))).map((m) => m.to);
    expect(sent).toContain(confirmed);
    expect(sent).not.toContain(email);

    const [row] = await t().ctx.db.select().from(announcementSubscribers).where(eq(announcementSubscribers.email, confirmed));
    const oneClick = await t().app.inject({ method: "POST", url: `/api/v1/subscriptions/unsubscribe?token=${row!.unsubscribeToken}`, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "List-Unsubscribe=One-Click" });
    expect(oneClick.statusCode).toBe(200);
    expect(json(oneClick)).toMatchObject({ state: "unsubscribed" });
    await publish(c, writer, (await write(c, writer, { title: "Second", notifySubscribers: true })).slug);
    const after = (await t().ctx.db.select().from(outbox).where(and(eq(outbox.template, "announcement.published"), eq(outbox.to, confirmed)))).length;
    expect(after).toBe(1);
    const wrong = await t().app.inject({ method: "POST", url: "/api/v1/subscriptions/confirm", payload: { token: "x".repeat(32) } });
    expect(json<Fields>(wrong).error.code).toBe("invalid_link");
  });
});

describe("Atom feeds", () => {
  it("parse with a feed parser, with stable ids, updated times, tags, and links that resolve; per community and per tag; paged", async () => {
    const { writer, c } = await setUp();
    const ids: string[] = [];
    for (let i = 1; i <= 23; i++) {
      const p = await write(c, writer, { title: `News ${i}`, body: `Item **${i}**`, tags: i % 2 ? ["odd"] : ["even"] });
      await publish(c, writer, p.slug, `2014-03-${String(i).padStart(2, "0")}T12:00:00Z`);
      ids.push(p.id);
    }
    const res = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/feed.atom` });
    expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(res.body);
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]).toMatchObject({ id: `urn:uuid:${ids[22]}`, title: "News 23" });
    expect(feed.items[0]!.published?.toISOString()).toBe("2014-03-23T12:00:00.000Z");
    expect(feed.items[0]!.updated).toBeInstanceOf(Date);
    expect(feed.items[0]!.content).toContain("<strong>23</strong>");
    expect(feed.items[0]!.categories.map((x) => x.term)).toEqual(["odd"]);
    for (const item of feed.items.slice(0, 3)) {
      const slug = item.url!.split("/").pop()!;
      expect(item.url).toBe(`http://plenary.test/communities/${c.slug}/announcements/${slug}`);
      expect((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/${slug}` })).statusCode).toBe(200);
    }
    expect(res.body).toContain(`rel="next" type="application/atom+xml" href="http://plenary.test/api/v1/communities/${c.slug}/announcements/feed.atom?page=2"`);
    const page2 = parseFeed((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/feed.atom?page=2` })).body);
    expect(page2.items.map((i) => i.title)).toEqual(["News 3", "News 2", "News 1"]);
    const odd = parseFeed((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/tags/odd/feed.atom` })).body);
    expect(odd.items.every((i) => Number(i.title!.split(" ")[1]) % 2 === 1)).toBe(true);
    expect(odd.items).toHaveLength(12);
    // Every feed, every page of it, links to web pages (the posts, the index, the tag page), never to the API.
    for (const url of ["/feed.atom", "/feed.atom?page=2", "/tags/odd/feed.atom", "/tags/odd/feed.atom?page=2"]) expectLinksToWebPages((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements${url}` })).body, "http://plenary.test");
    // A change shows at once; the bytes are otherwise stable.
    const again = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/feed.atom` });
    expect(again.body).toBe(res.body);
    await publish(c, writer, (await write(c, writer, { title: "Breaking" })).slug);
    expect(parseFeed((await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/feed.atom` })).body).items[0]!.title).toBe("Breaking");
  });
});

describe("in German", () => {
  const de = { "accept-language": "de-DE,de;q=0.9,en;q=0.5" };
  it("names the archive, tag and event pages, the feed, the errors and the subscription mail in the reader's language", async () => {
    const { writer, c } = await setUp();
    const e = await makeEvent(t().ctx, c.id, { slug: "summit" });
    const p = await write(c, writer, { title: "Neu", tags: ["xen-4-4"], eventSlug: e.slug });
    await publish(c, writer, p.slug, "2014-03-10T12:00:00Z");
    const get = (url: string) => t().app.inject({ method: "GET", url, headers: de });
    const list = (qs: string) => get(`/api/v1/communities/${c.slug}/announcements${qs}`).then((r) => json<PostList>(r));
    expect((await list("?month=2014-03")).heading).toBe("Monatsarchiv: März 2014");
    expect((await list("?tag=xen-4-4")).heading).toBe("Schlagwort: xen-4-4");
    expect((await list(`?event=${e.slug}`)).heading).toBe(`Neuigkeiten zu ${e.name}`);
    expect((await list("")).heading).toBe("Neuigkeiten");

    const feed = await get(`/api/v1/communities/${c.slug}/announcements/tags/xen-4-4/feed.atom`);
    expect(feed.headers).toMatchObject({ "content-language": "de", vary: "Cookie, Accept-Language" });
    expect(parseFeed(feed.body).title).toBe(`Neuigkeiten von ${c.name}: xen-4-4`);
    // Each language is its own cached feed.
    const english = await t().app.inject({ method: "GET", url: `/api/v1/communities/${c.slug}/announcements/tags/xen-4-4/feed.atom` });
    expect(parseFeed(english.body).title).toBe(`${c.name} announcements: xen-4-4`);

    expect(json<{ error: { message: string } }>(await get(`/api/v1/communities/${c.slug}/announcements/nope`)).error.message).toBe("Der Beitrag wurde nicht gefunden.");
    const bad = await t().app.inject({ method: "POST", url: "/api/v1/subscriptions/confirm", headers: de, payload: { token: "x".repeat(30) } });
    expect(json<{ error: { code: string; message: string } }>(bad).error).toEqual({ code: "invalid_link", message: "Dieser Link ist (nicht mehr) gültig. Fordern Sie auf der Seite mit den Neuigkeiten einen neuen an." });

    // Subscribing from a German page without saying which language: the request's.
    const email = `leserin-${c.slug}@example.org`;
    expect((await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/subscriptions`, headers: de, payload: { email } })).statusCode).toBe(202);
    const [mail] = await t().ctx.db.select().from(outbox).where(eq(outbox.to, email));
    expect(mail!.subject).toBe(`Bestätigen Sie Ihr Abonnement der Neuigkeiten von ${c.name}`);
    expect(mail!.html).toContain(">Abonnement bestätigen</a>");
  });
});
