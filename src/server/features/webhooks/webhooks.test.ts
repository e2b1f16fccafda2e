import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { outbox } from "../../platform/mail/tables.js";
import { emitWebhook } from "../../platform/webhooks/emit.js";
import { webhookDeliveries, webhookEndpoints } from "../../platform/webhooks/tables.js";
import { MAX_ATTEMPTS, retryDelaySeconds, WebhookWorker } from "../../platform/webhooks/worker.js";
import { json, useTestApp } from "../../test-support/app.js";
import { makeCommunity, makeUser, type SignedIn } from "../../test-support/factories.js";
import { WebhookReceiver } from "../../test-support/webhook-receiver.js";
import { mailOrganisersOfDisabledEndpoint } from "./disabled-mail.js";
import type { invitationRequestPayload } from "./registration-events.js";
import type { DeliveryDetail, DeliveryView, EndpointView, EndpointWithSecret } from "./schema.js";

/**
 * Webhooks end to end against a real HTTP receiver on 127.0.0.1. The test app allows that
 * network by WEBHOOK_ALLOW_PRIVATE (config `webhookAllowPrivate`), which is also what lets
 * plain http through; ssrf.test.ts runs without it.
 */
const t = useTestApp({ webhookAllowPrivate: ["127.0.0.0/8"] });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver.close());

interface Setup {
  community: Awaited<ReturnType<typeof makeCommunity>>;
  organiser: SignedIn;
}

async function setup(): Promise<Setup> {
  const organiser = await makeUser(t().ctx);
  const community = await makeCommunity(t().ctx, { organiserId: organiser.id });
  return { community, organiser };
}

async function subscribe(s: Setup, path: string, eventTypes = ["invitation_request.confirmed"]): Promise<EndpointWithSecret> {
  const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${s.community.slug}/webhooks`, headers: s.organiser.headers, payload: { url: receiver.url(path), description: "CRM", eventTypes } });
  expect(res.statusCode, res.body).toBe(201);
  return json<EndpointWithSecret>(res);
}

function payload(n: number): z.input<typeof invitationRequestPayload> {
  const at = new Date(Date.UTC(2030, 4, 1, 9, n)).toISOString();
  return {
    event: { id: randomUUID(), slug: "hackathon", name: "Hackathon", communitySlug: "xen-project" },
    request: { id: randomUUID(), name: `Person ${n}`, email: `p${n}@example.org`, affiliation: null, needsStipend: false, state: "confirmed", requestedAt: at, answerBy: at, confirmBy: null, checkedInAt: null },
    previousState: "invited",
    changedBy: "applicant",
  };
}

async function emit(s: Setup, n: number | number[], type: "invitation_request.confirmed" | "invitation_request.invited" = "invitation_request.confirmed"): Promise<number> {
  const list = (Array.isArray(n) ? n : [n]).map(payload);
  return t().ctx.db.transaction((tx) => emitWebhook(t().ctx, tx, type, s.community.id, list));
}

const worker = (opts: ConstructorParameters<typeof WebhookWorker>[1] = {}) => new WebhookWorker(t().ctx, opts);
const numbers = (path: string) => receiver.at(path).map((r) => (JSON.parse(r.body) as { data: { request: { name: string } } }).data.request.name);

describe("webhooks", () => {
  it("delivers a signed event that a Standard Webhooks library verifies", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/signed");
    expect(ep.secret).toMatch(/^whsec_/);
    expect(await emit(s, 1)).toBe(1);
    expect(await worker().drain()).toBe(1);
    const [got] = receiver.at("/signed");
    expect(got!.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(ep.secret).verify(got!.body, got!.headers as Record<string, string>) as { id: string; type: string; version: number; data: unknown };
    expect(verified).toMatchObject({ type: "invitation_request.confirmed", version: 1, data: { request: { name: "Person 1", state: "confirmed" }, previousState: "invited" } });
    expect(verified.id).toBe(got!.headers["webhook-id"]);
    // Another secret does not verify: the signature is really over this body with this secret.
    expect(() => new Webhook("whsec_" + Buffer.from("x".repeat(32)).toString("base64")).verify(got!.body, got!.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(ep.secret).verify(got!.body.replace("Person 1", "Person 2"), got!.headers as Record<string, string>)).toThrow();
  });

  it("sends only the types an endpoint subscribed to, only to enabled endpoints of that community, and nothing when the change rolls back", async () => {
    const s = await setup();
    const other = await setup();
    await subscribe(s, "/types", ["invitation_request.invited"]);
    await subscribe(other, "/types-other", ["invitation_request.confirmed"]);
    expect(await emit(s, 1, "invitation_request.confirmed")).toBe(0);
    expect(await emit(s, 2, "invitation_request.invited")).toBe(1);
    await t()
      .ctx.db.transaction(async (tx) => {
        await emitWebhook(t().ctx, tx, "invitation_request.invited", s.community.id, payload(3));
        throw new Error("the change failed");
      })
      .catch(() => undefined);
    await worker().drain();
    expect(numbers("/types")).toEqual(["Person 2"]);
    expect(receiver.at("/types-other")).toEqual([]);
  });

  it("refuses a payload that does not fit its type's schema, and an unregistered type", async () => {
    const s = await setup();
    const bad = { ...payload(1), request: { ...payload(1).request, state: "party" } } as unknown as z.input<typeof invitationRequestPayload>;
    await expect(t().ctx.db.transaction((tx) => emitWebhook(t().ctx, tx, "invitation_request.confirmed", s.community.id, bad))).rejects.toThrow();
    await expect(t().ctx.db.transaction((tx) => emitWebhook(t().ctx, tx, "nothing.happened" as "invitation_request.confirmed", s.community.id, payload(1)))).rejects.toThrow(/not registered/);
  });

  it("keeps each endpoint's deliveries in order, with several workers at once and slow answers", async () => {
    const s = await setup();
    await subscribe(s, "/order-a");
    await subscribe(s, "/order-b");
    receiver.respond(() => ({ status: 200, delayMs: Math.floor(Math.random() * 15) }));
    for (let i = 0; i < 6; i++) await emit(s, [i * 5, i * 5 + 1, i * 5 + 2, i * 5 + 3, i * 5 + 4]);
    const workers = [worker({ concurrency: 2, batch: 3 }), worker({ concurrency: 2, batch: 3 }), worker({ concurrency: 2, batch: 3 })];
    const sent = await Promise.all(workers.map((w) => w.drain()));
    receiver.respond(() => 204);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(60);
    const expected = Array.from({ length: 30 }, (_, i) => `Person ${i}`);
    expect(numbers("/order-a")).toEqual(expected);
    expect(numbers("/order-b")).toEqual(expected);
  });

  it("retries after a 500 with backoff, holding the later events back, and logs every attempt", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/retry");
    receiver.respond((r) => (r.path === "/retry" && receiver.at("/retry").length === 1 ? { status: 500, body: "database is down" } : 200));
    await emit(s, 1);
    await emit(s, 2);
    expect(await worker().drain()).toBe(0);
    expect(receiver.at("/retry")).toHaveLength(1);
    const log = await t().app.inject({ url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}/deliveries`, headers: s.organiser.headers });
    const [second, first] = json<{ deliveries: DeliveryView[] }>(log).deliveries;
    expect(first).toMatchObject({ state: "pending", attempts: 1, lastStatus: 500 });
    expect(second).toMatchObject({ state: "pending", attempts: 0 });
    expect(Date.parse(first!.nextAttemptAt!) - Date.now()).toBeGreaterThan(3_000);
    // Not yet due: nothing is sent, the second event waits behind the first.
    expect(await worker().drain()).toBe(0);
    t().advance(retryDelaySeconds(1)! * 1000 + 500);
    try {
      expect(await worker().drain()).toBe(2);
    } finally {
      t().advance(-(retryDelaySeconds(1)! * 1000 + 500));
      receiver.respond(() => 204);
    }
    expect(numbers("/retry")).toEqual(["Person 1", "Person 1", "Person 2"]);
    expect(receiver.at("/retry")[0]!.headers["webhook-id"]).toBe(receiver.at("/retry")[1]!.headers["webhook-id"]);
    const detail = json<DeliveryDetail>(await t().app.inject({ url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}/deliveries/${first!.id}`, headers: s.organiser.headers }));
    expect(detail.attemptsLog.map((a) => a.status)).toEqual([500, 200]);
    expect(detail.attemptsLog[0]!.response).toBe("database is down");
    expect(detail.attemptsLog.every((a) => a.durationMs >= 0)).toBe(true);
    expect(detail.state).toBe("delivered");
    expect(JSON.parse(detail.body)).toMatchObject({ type: "invitation_request.confirmed" });
  });

  it("disables an endpoint that keeps failing for about a day, mails the organisers, and resumes in order when enabled again", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/down");
    receiver.respond((r) => (r.path === "/down" ? 503 : 204));
    await emit(s, 1);
    await emit(s, 2);
    const w = worker({ onDisabled: (tx, e, lastError) => mailOrganisersOfDisabledEndpoint(t().ctx, tx, e, lastError) });
    let waited = 0;
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect(await w.drain()).toBe(0);
        const step = (retryDelaySeconds(attempt) ?? 0) * 1000 + 1000;
        t().advance(step);
        waited += step;
      }
      expect(waited).toBeGreaterThan(24 * 3600_000);
      expect(waited).toBeLessThan(30 * 3600_000);
    } finally {
      t().advance(-waited);
    }
    expect(receiver.at("/down")).toHaveLength(MAX_ATTEMPTS);
    const [row] = await t().ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
    expect(row).toMatchObject({ state: "disabled", disabledReason: "failing" });
    const mails = await t().ctx.db.select().from(outbox).where(and(eq(outbox.template, "webhooks.endpoint-disabled"), eq(outbox.to, s.organiser.email)));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(receiver.url("/down"));
    expect(mails[0]!.text).toContain("answered 503");
    expect(mails[0]!.text).toContain(`/communities/${s.community.slug}/webhooks/${ep.id}`);
    // Disabled: nothing is sent, and new events are not queued for it.
    expect(await emit(s, 3)).toBe(0);
    expect(await w.drain()).toBe(0);
    // Enabled again: the delivery that waited behind the failed one goes out; the failed one can be redelivered.
    receiver.respond(() => 204);
    const on = await t().app.inject({ method: "PATCH", url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}`, headers: s.organiser.headers, payload: { enabled: true } });
    expect(json<EndpointView>(on)).toMatchObject({ state: "enabled", disabledReason: null, pending: 1, failed: 1 });
    expect(await w.drain()).toBe(1);
    expect(numbers("/down").at(-1)).toBe("Person 2");
    const [failed] = await t().ctx.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, ep.id), eq(webhookDeliveries.state, "failed")));
    const again = await t().app.inject({ method: "POST", url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}/deliveries/${failed!.id}/redeliver`, headers: s.organiser.headers, payload: {} });
    expect(again.statusCode).toBe(202);
    expect(json<DeliveryView>(again)).toMatchObject({ state: "pending", redeliveryOf: failed!.id, messageId: failed!.messageId });
    expect(await w.drain()).toBe(1);
    expect(receiver.at("/down").at(-1)!.headers["webhook-id"]).toBe(failed!.messageId);
  });

  it("signs with both secrets during a rotation's overlap, and with the new one after it", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/rotate");
    const rotated = json<EndpointWithSecret>(await t().app.inject({ method: "POST", url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}/rotate-secret`, headers: s.organiser.headers, payload: { overlapHours: 2 } }));
    expect(rotated.secret).not.toBe(ep.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(7100_000);
    await emit(s, 1);
    await worker().drain();
    const during = receiver.at("/rotate")[0]!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [ep.secret, rotated.secret]) expect(() => new Webhook(secret).verify(during.body, during.headers as Record<string, string>)).not.toThrow();
    t().advance(3 * 3600_000);
    try {
      await emit(s, 2);
      await worker().drain();
      const after = receiver.at("/rotate")[1]!;
      // The clock moved 3 h ahead, which verify() would refuse as a replay; so compare with what the library signs.
      const signedAt = new Date(Number(after.headers["webhook-timestamp"]) * 1000);
      expect(after.headers["webhook-signature"]).toBe(new Webhook(rotated.secret).sign(String(after.headers["webhook-id"]), signedAt, after.body));
    } finally {
      t().advance(-3 * 3600_000);
    }
  });

  it("sends a test event to one endpoint, whatever it subscribed to", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/test-event");
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${s.community.slug}/webhooks/${ep.id}/test`, headers: s.organiser.headers, payload: {} });
    expect(res.statusCode).toBe(202);
    expect(json<DeliveryView>(res)).toMatchObject({ type: "webhook.test", state: "pending" });
    await worker().drain();
    const got = receiver.at("/test-event")[0]!;
    expect(new Webhook(ep.secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({ type: "webhook.test", data: { endpointId: ep.id, community: { slug: s.community.slug } } });
  });

  it("lets organisers list, edit, pause and remove endpoints, never showing the secret again", async () => {
    const s = await setup();
    const ep = await subscribe(s, "/crud");
    const base = `/api/v1/communities/${s.community.slug}/webhooks`;
    const list = json<{ endpoints: EndpointView[] }>(await t().app.inject({ url: base, headers: s.organiser.headers }));
    expect(list.endpoints.map((e) => e.id)).toEqual([ep.id]);
    expect(JSON.stringify(list)).not.toContain(ep.secret);
    const edited = await t().app.inject({ method: "PATCH", url: `${base}/${ep.id}`, headers: s.organiser.headers, payload: { description: "Chat bot", eventTypes: ["stipend.offered", "payment.received", "stipend.offered"], enabled: false } });
    expect(json<EndpointView>(edited)).toMatchObject({ description: "Chat bot", eventTypes: ["payment.received", "stipend.offered"], state: "disabled", disabledReason: "organiser" });
    const unknown = await t().app.inject({ method: "PATCH", url: `${base}/${ep.id}`, headers: s.organiser.headers, payload: { eventTypes: ["webhook.test"] } });
    expect(unknown.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string[]> } }>(unknown).error.fields.eventTypes).toBeDefined();
    const paused = await t().app.inject({ method: "POST", url: `${base}/${ep.id}/test`, headers: s.organiser.headers, payload: {} });
    expect(json<{ error: { code: string } }>(paused).error.code).toBe("webhook_endpoint_disabled");
    expect((await t().app.inject({ method: "DELETE", url: `${base}/${ep.id}`, headers: s.organiser.headers })).statusCode).toBe(204);
    expect((await t().app.inject({ url: `${base}/${ep.id}`, headers: s.organiser.headers })).statusCode).toBe(404);
    // Another community's organiser cannot see it, whatever the id.
    const stranger = await setup();
    const mine = await subscribe(stranger, "/crud-2");
    expect((await t().app.inject({ url: `${base}/${mine.id}`, headers: s.organiser.headers })).statusCode).toBe(404);
  });

  it("documents every event type in the OpenAPI document's webhooks section, with its payload schema", async () => {
    const doc = json<{ openapi: string; webhooks: Record<string, { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } } }> }>(await t().app.inject({ url: "/api/v1/openapi.json" }));
    expect(doc.openapi).toBe("3.1.0");
    const names = Object.keys(doc.webhooks);
    for (const n of ["invitation_request.requested", "invitation_request.invited", "invitation_request.confirmed", "invitation_request.checked_in", "stipend.offered", "stipend.reimbursed", "payment.received", "payment.refunded", "donation.recorded", "webhook.test"]) expect(names).toContain(n);
    const schema = doc.webhooks["stipend.offered"]!.post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["id", "type", "version", "timestamp", "data"]);
    expect(JSON.stringify(schema)).toContain("amountOffered");
    const types = json<{ eventTypes: { type: string }[] }>(await t().app.inject({ url: "/api/v1/webhooks/event-types" }));
    expect(types.eventTypes.map((x) => x.type)).not.toContain("webhook.test");
    expect(types.eventTypes.length).toBe(names.length - 1);
  });
});
