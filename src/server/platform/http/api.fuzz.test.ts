import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { fillUrl, roleFixture } from "../../test-support/walk.js";

const t = useTestApp();

/** Anything a client could send: valid-looking values mixed with junk of every JSON type. */
const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.constant(null), fc.constant(""), fc.integer(), fc.double(), fc.constant("2014-02-31"), fc.constant("Europe/Nowhere"), fc.constant("x".repeat(5000)));
const bodyArb = fc.oneof(junk, fc.dictionary(fc.oneof(fc.constantFrom("email", "name", "password", "slug", "kind", "startDate", "endDate", "timeZone", "capacity", "latitude", "longitude", "role", "token", "confirm", "cfpClosesAt", "website", "description", "locale"), fc.string()), junk));
const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.uuid(), fc.constant("xen-project"), fc.constant("%00"), fc.constant(".."), fc.integer().map(String));
const queryArb = fc.dictionary(fc.oneof(fc.constantFrom("from", "to", "kind", "community", "q", "limit", "offset"), fc.string()), fc.oneof(fc.string(), fc.integer().map(String)));

describe("no input gives a server error", () => {
  it("random bodies, params and queries to every operation in the OpenAPI document", async () => {
    const { community, event, people } = await roleFixture(t().ctx);
    const doc = json<{ paths: Record<string, Record<string, { operationId: string }>> }>(await t().app.inject({ method: "GET", url: "/api/v1/openapi.json" }));
    const documented = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(documented.length).toBe(t().router.routes.length);
    let n = 0;
    for (const { def } of t().router.routes) {
      if (def.operationId === "signOut" || def.operationId === "deleteAccount") continue;
      await fc.assert(
        fc.asyncProperty(bodyArb, queryArb, fc.boolean(), fc.boolean(), segment, fc.constantFrom(...Object.values(people)), async (body, query, validPath, sendJson, seg, person) => {
          const url = validPath ? fillUrl(def, { community: community.slug, event: event.slug }) : def.url.replace(/\{(\w+)\}/g, () => encodeURIComponent(seg));
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const res = await t().app.inject({
            method: def.method,
            url: qs ? `${url}?${qs}` : url,
            headers: { ...(person?.headers ?? {}), ...(sendJson ? { "content-type": "application/json" } : {}) },
            payload: def.method === "GET" ? undefined : sendJson || typeof body !== "string" ? JSON.stringify(body) : body,
            remoteAddress: `10.2.${n % 250}.${++n % 250}`,
          });
          if (res.statusCode >= 500) throw new Error(`${def.operationId} ${def.method} ${url}: ${res.statusCode} ${res.body}`);
          const err = res.statusCode >= 400 ? json<{ error: { code: string; message: string } }>(res) : null;
          if (err) expect(typeof err.error.code).toBe("string");
        }),
        { numRuns: 25, seed: 20140529 },
      );
    }
  }, 120_000);

  it("maps malformed JSON, huge bodies, wrong media types and unknown paths to 4xx", async () => {
    const bad = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { "content-type": "application/json" }, payload: "{\"email\":", remoteAddress: "10.3.0.1" });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { code: "malformed_json" } });
    const huge = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", headers: { "content-type": "application/json" }, payload: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }), remoteAddress: "10.3.0.2" });
    expect(huge.statusCode).toBe(413);
    expect(json(huge)).toMatchObject({ error: { code: "payload_too_large" } });
    const media = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { "content-type": "application/xml" }, payload: "<x/>", remoteAddress: "10.3.0.3" });
    expect(media.statusCode).toBe(415);
    const unknown = await t().app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toMatchObject({ error: { code: "not_found" } });
  });

  it("publishes an OpenAPI 3.1 document and a readable reference", async () => {
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(await t().app.inject({ method: "GET", url: "/api/v1/openapi.json" }));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/events");
    const page = await t().app.inject({ method: "GET", url: "/api/v1/docs" });
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("listEvents");
  });
});
