import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../platform/auth/tables.js";
import { emitWebhookTo } from "../../platform/webhooks/emit.js";
import { webhookDeliveries, webhookEndpoints } from "../../platform/webhooks/tables.js";
import { WebhookWorker } from "../../platform/webhooks/worker.js";
import { json, useTestApp } from "../../test-support/app.js";
import { makeCommunity, makeUser } from "../../test-support/factories.js";
import { WebhookReceiver } from "../../test-support/webhook-receiver.js";

/**
 * The address checks, on an instance that allows no private network (the default): at
 * subscription (422 naming `url`) and again at delivery time, where a name that now
 * resolves inside (DNS rebinding) gets nothing, and the connection goes to the address that
 * was checked.
 */
const t = useTestApp();
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver.close());

describe("webhook addresses", () => {
  it.each([
    ["http://example.org/hook", "webhook_url_insecure"],
    ["ftp://example.org/hook", "webhook_url_insecure"],
    ["https://nothing.invalid/hook", "webhook_url_unresolvable"],
    ["https://localhost/hook", "webhook_url_refused"],
    ["https://127.0.0.1/hook", "webhook_url_refused"],
    ["https://[::1]/hook", "webhook_url_refused"],
    ["https://[::ffff:10.0.0.1]/hook", "webhook_url_refused"],
    ["https://10.1.2.3/hook", "webhook_url_refused"],
    ["https://192.168.0.10/hook", "webhook_url_refused"],
    ["https://169.254.169.254/latest/meta-data/", "webhook_url_refused"],
    ["https://[fd00:ec2::254]/latest/meta-data/", "webhook_url_refused"],
    ["https://100.100.100.200/", "webhook_url_refused"],
    ["https://0.0.0.0/", "webhook_url_refused"],
  ])("refuses %s at subscription with %s on the url field", async (url, code) => {
    const organiser = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: organiser.id });
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/webhooks`, headers: organiser.headers, payload: { url, eventTypes: ["stipend.offered"] } });
    expect(res.statusCode, res.body).toBe(422);
    const body = json<{ error: { code: string; fields: Record<string, string[]> } }>(res);
    expect(body.error.code).toBe(code);
    expect(body.error.fields.url?.[0]).toBeTruthy();
  });

  it("says why in the reader's language, the code staying the same", async () => {
    const organiser = await makeUser(t().ctx);
    // The account's language is what counts for a signed-in person.
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, organiser.id));
    const c = await makeCommunity(t().ctx, { organiserId: organiser.id });
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/webhooks`, headers: organiser.headers, payload: { url: "https://localhost/hook", eventTypes: ["stipend.offered"] } });
    const body = json<{ error: { code: string; message: string; fields: Record<string, string[]> } }>(res);
    expect(body.error.code).toBe("webhook_url_refused");
    expect(body.error.message).toMatch(/^localhost wird zu (127\.0\.0\.1|::1) aufgelöst, und das ist eine Loopback-Adresse/);
    expect(body.error.fields.url).toEqual([body.error.message]);
  });

  it("accepts a public HTTPS address, and checks a new address on edit too", async () => {
    const organiser = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: organiser.id });
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/webhooks`, headers: organiser.headers, payload: { url: "https://93.184.215.14/plenary", eventTypes: ["stipend.offered"] } });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = json<{ id: string }>(res);
    const edit = await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${c.slug}/webhooks/${id}`, headers: organiser.headers, payload: { url: "https://192.168.1.1/" } });
    expect(json<{ error: { code: string } }>(edit).error.code).toBe("webhook_url_refused");
  });

  async function endpointAt(url: string) {
    const c = await makeCommunity(t().ctx);
    // Written directly: the point is what the worker does with an address that is (now) inside.
    const [ep] = await t().ctx.db.insert(webhookEndpoints).values({ communityId: c.id, url, eventTypes: ["stipend.offered"], secret: "whsec_" + Buffer.from("k".repeat(32)).toString("base64") }).returning();
    await t().ctx.db.transaction((tx) => emitWebhookTo(t().ctx, tx, ep!, "webhook.test", { endpointId: ep!.id, community: { slug: c.slug, name: c.name }, sentBy: "test" }));
    return ep!;
  }

  const lastDelivery = async (endpointId: string) => (await t().ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)))[0]!;

  it("refuses at delivery time an address that is private now, sending nothing", async () => {
    const ep = await endpointAt(`https://127.0.0.1:${receiver.port}/private-now`);
    expect(await new WebhookWorker(t().ctx).drain()).toBe(0);
    expect(receiver.at("/private-now")).toEqual([]);
    const d = await lastDelivery(ep.id);
    expect(d).toMatchObject({ state: "pending", attempts: 1, lastStatus: null });
    expect(d.lastError).toMatch(/loopback/);
  });

  it("refuses a name that resolved outside at subscription and resolves inside at delivery (DNS rebinding)", async () => {
    const ep = await endpointAt(`https://hooks.rebind.test:${receiver.port}/rebound`);
    const resolved: string[] = [];
    const rebinding = async (host: string) => (resolved.push(host), ["127.0.0.1"]);
    expect(await new WebhookWorker(t().ctx, { resolve: rebinding }).drain()).toBe(0);
    expect(resolved).toEqual(["hooks.rebind.test"]);
    expect(receiver.at("/rebound")).toEqual([]);
    expect((await lastDelivery(ep.id)).lastError).toMatch(/hooks\.rebind\.test resolves to 127\.0\.0\.1, which is a loopback address/);
  });

  it("connects to the address it checked, not to a second answer of the DNS", async () => {
    // Allowed here, and resolvable only through the worker's own resolver: reaching the receiver proves the socket used the checked address.
    const ep = await endpointAt(`http://receiver.test:${receiver.port}/pinned`);
    const allowing = { ...t().ctx, config: { ...t().ctx.config, webhookAllowPrivate: ["127.0.0.0/8"] } };
    expect(await new WebhookWorker(allowing, { resolve: async () => ["127.0.0.1"] }).drain()).toBeGreaterThanOrEqual(1);
    expect(receiver.at("/pinned")).toHaveLength(1);
    expect(receiver.at("/pinned")[0]!.headers.host).toBe(`receiver.test:${receiver.port}`);
    expect((await lastDelivery(ep.id)).state).toBe("delivered");
  });
});
