import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { insertRequests, registrationFixture } from "./test-helpers.js";

const t = useTestApp();

/**
 * The platform fuzz test reaches registration routes only on an event without registration.
 * Here every registration operation is fuzzed on a set-up event, as its organiser and as an
 * applicant holding a valid link: any input gives a 2xx or a 4xx with a code, never a 5xx,
 * and every 400 names the fields at fault.
 */
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.constant(null), fc.integer(), fc.double(), fc.constant(-1), fc.constant(1.5), fc.constant("2030-02-31"), fc.constant("USD"), fc.constant("x".repeat(3000)), fc.uuid());
const keys = fc.constantFrom("email", "name", "workOn", "affiliation", "needsStipend", "extra", "action", "ids", "emails", "message", "capacity", "opensAt", "closesAt", "feeAmount", "feeCurrency", "holidays", "questions", "locale", "subject", "body", "requestId", "kind", "method", "amount", "currency", "reference", "origin", "justification", "internalNote", "code", "token", "beneficiaryName", "stipendBudget");
const bodyArb = fc.oneof(junk, fc.dictionary(keys, junk, { maxKeys: 6 }));
const queryArb = fc.dictionary(fc.constantFrom("state", "overdue", "q", "sort", "limit", "offset", "token", "locale", "needsStipend"), fc.oneof(fc.string(), fc.integer().map(String), fc.constant("requested,invited"), fc.constant("true")), { maxKeys: 3 });

describe("registration inputs", () => {
  it("never answer 5xx, and 400s carry field messages", async () => {
    const f = await registrationFixture(t().ctx);
    const [r] = await insertRequests(t().ctx, f.event.id, 1, "invited");
    const routes = t().router.routes.filter((x) => x.def.tags.includes("registration"));
    expect(routes.length).toBeGreaterThan(20);
    let n = 0;
    for (const { def } of routes) {
      await fc.assert(
        fc.asyncProperty(bodyArb, queryArb, fc.boolean(), fc.boolean(), async (body, query, asOrganiser, withToken) => {
          const url = def.url
            .replace("{community}", f.community.slug)
            .replace("{event}", f.event.slug)
            .replace("{requestId}", r!.id)
            .replace("{stipendId}", r!.id)
            .replace("{template}", "registration.invited");
          const q = { ...(query as Record<string, string>), ...(def.url.startsWith("/api/v1/registration/requests") && withToken ? { token: r!.token } : {}) };
          const qs = new URLSearchParams(q).toString();
          const res = await t().app.inject({
            method: def.method,
            url: qs ? `${url}?${qs}` : url,
            headers: { ...(asOrganiser ? f.organiser.headers : {}), "content-type": "application/json" },
            payload: def.method === "GET" ? undefined : JSON.stringify(body),
            remoteAddress: `10.7.${n % 250}.${++n % 250}`,
          });
          if (res.statusCode >= 500) throw new Error(`${def.operationId}: ${res.statusCode} ${res.body}`);
          if (res.statusCode === 400) {
            const err = json<{ error: { code: string; fields?: Record<string, string[]> } }>(res).error;
            if (err.code === "validation_failed" && !err.fields) throw new Error(`${def.operationId}: 400 without fields: ${res.body}`);
          }
        }),
        { numRuns: 30, seed: 20140529 },
      );
    }
  }, 180_000);
});
