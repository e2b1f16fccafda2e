import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { json, useTestApp } from "../../test-support/app.js";
import { fillUrl, roleFixture } from "../../test-support/walk.js";
import { issueSession, SESSION_COOKIE } from "../auth/index.js";

const t = useTestApp();

type Err = { error: { code: string; fields?: Record<string, string[]> } };

/** A string PostgreSQL cannot store (NUL) or UTF-8 cannot encode (a lone surrogate), somewhere inside ordinary text. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udfff", "\udc00x", "x\ud83d"), fc.string({ maxLength: 8 }))
  .map(([a, bad, b]) => a + bad + b);

/** The body fields an operation declares, so the bad string goes where a real client would put it. */
function bodyKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return ["anything"];
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown> };
  const keys = Object.keys(js.properties ?? {});
  return keys.length ? keys : ["anything"];
}

describe("strings that cannot be stored are refused once, for every operation", () => {
  it("a NUL or an unpaired surrogate in any body string is a 400 naming the field, never a 500", async () => {
    const { community, event, people } = await roleFixture(t().ctx, { published: true });
    let n = 0;
    for (const { def } of t().router.routes) {
      if (def.method === "GET") continue;
      const url = fillUrl(def, { community: community.slug, event: event.slug });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...bodyKeys(def.body)), unstorable, fc.boolean(), async (key, bad, nested) => {
          const payload = nested ? { [key]: { inner: [bad] } } : { [key]: bad };
          const res = await t().app.inject({ method: def.method, url, headers: people.admin!.headers, payload, remoteAddress: `10.40.${n % 250}.${++n % 250}` });
          const field = nested ? `${key}.inner.0` : key;
          expect(res.statusCode, `${def.operationId}: ${res.body}`).toBe(400);
          expect(json<Err>(res).error.fields?.[field]?.[0], `${def.operationId}: ${res.body}`).toMatch(/NUL character|unpaired surrogate/);
        }),
        { numRuns: 4, seed: 7 },
      );
    }
  }, 60_000);

  it("in a query parameter or a path segment too", async () => {
    const { community, event, people } = await roleFixture(t().ctx, { published: true });
    let n = 0;
    for (const { def } of t().router.routes) {
      const url = fillUrl(def, { community: community.slug, event: event.slug });
      const q = await t().app.inject({ method: def.method, url: `${url}?q=a%00b`, headers: people.admin!.headers, payload: def.method === "GET" ? undefined : {}, remoteAddress: `10.41.${n % 250}.${++n % 250}` });
      expect(q.statusCode, `${def.operationId}: ${q.body}`).toBe(400);
      expect(json<Err>(q).error.fields?.["query.q"]?.[0], `${def.operationId}: ${q.body}`).toMatch(/NUL character/);
      const param = /\{(\w+)\}/.exec(def.url)?.[1];
      if (!param) continue;
      const bad = def.url.replace(/\{(\w+)\}/g, (_, name: string) => (name === param ? "x%00y" : fillUrl({ ...def, url: `{${name}}` }, { community: community.slug, event: event.slug })));
      const p = await t().app.inject({ method: def.method, url: bad, headers: people.admin!.headers, payload: def.method === "GET" ? undefined : {}, remoteAddress: `10.42.${n % 250}.${++n % 250}` });
      expect(p.statusCode, `${def.operationId}: ${p.body}`).toBe(400);
      expect(json<Err>(p).error.fields?.[`params.${param}`]?.[0], `${def.operationId}: ${p.body}`).toMatch(/NUL character/);
    }
  }, 60_000);
});

describe("a body must be what the operation takes", () => {
  it("`null` as a body is a 400 for every operation that accepts one", async () => {
    const { community, event, people } = await roleFixture(t().ctx, { published: true });
    let n = 0;
    const wrong: string[] = [];
    for (const { def } of t().router.routes) {
      if (def.method === "GET") continue;
      // A fresh session each time: an operation that wrongly accepted `null` (sign-out) must not sign the rest out.
      const { token, csrfToken } = await issueSession(t().ctx, t().ctx.db, people.admin!.id);
      const res = await t().app.inject({
        method: def.method,
        url: fillUrl(def, { community: community.slug, event: event.slug }),
        headers: { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrfToken, "content-type": "application/json" },
        payload: "null",
        remoteAddress: `10.43.${n % 250}.${++n % 250}`,
      });
      if (res.statusCode !== 400 || json<Err>(res).error.code !== "validation_failed") wrong.push(`${def.operationId}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    expect(wrong).toEqual([]);
  });
});
