import { beforeAll, describe, expect, it } from "vitest";
import { json, secondApp, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";

// The proxy in front of this instance is 10.0.0.1; nobody else's X-Forwarded-For counts.
const t = useTestApp({ trustProxy: ["10.0.0.1"] });

// A stopped clock: a password check takes a good part of a second on a busy machine, and
// real time passing would refill the buckets under the test.
let now = Date.UTC(2030, 0, 1, 12, 0, 0);
beforeAll(() => {
  t().ctx.now = () => new Date(now);
});

const signIn = (email: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password: "not the password" }, remoteAddress, headers });

describe("rate limits (issue 7.9)", () => {
  it("limit attempts per account, whatever the number of addresses they come from", async () => {
    const u = await makeUser(t().ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(u.email, `10.70.0.${i + 1}`)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The address typed counts, in any case: a different spelling is the same account.
    expect((await signIn(u.email.toUpperCase(), "10.70.1.1")).statusCode).toBe(429);
  });

  it("have no window boundary to double up across: a burst, then one attempt per interval", async () => {
    // Two seconds before a minute boundary, where a fixed one-minute window would start again.
    now = Date.UTC(2030, 0, 1, 12, 0, 58);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if ((await signIn(`burst-${i}@example.org`, "10.71.0.1")).statusCode === 401) allowed++;
    now += 4000; // across the boundary
    for (let i = 0; i < 10; i++) if ((await signIn(`burst-b${i}@example.org`, "10.71.0.1")).statusCode === 401) allowed++;
    expect(allowed).toBe(10);
    const refused = await signIn("burst-x@example.org", "10.71.0.1");
    expect(refused.statusCode).toBe(429);
    expect(json(refused)).toMatchObject({ error: { code: "rate_limited" } });
    // 10 a minute: the next place frees 6 s after the burst; 4 s have passed.
    expect(Number(refused.headers["retry-after"])).toBe(2);
    now += 2000;
    expect((await signIn("burst-y@example.org", "10.71.0.1")).statusCode).toBe(401);
    expect((await signIn("burst-z@example.org", "10.71.0.1")).statusCode).toBe(429);
  });

  it("believe X-Forwarded-For only from a configured proxy", async () => {
    // A client not behind the proxy cannot change its address by sending the header.
    const direct: number[] = [];
    for (let i = 0; i < 11; i++) direct.push((await signIn(`xff-${i}@example.org`, "10.72.0.1", { "x-forwarded-for": `192.0.2.${i + 1}` })).statusCode);
    expect(direct.at(-1)).toBe(429);
    // Behind the proxy, each client is counted by the address the proxy saw…
    const proxied: number[] = [];
    for (let i = 0; i < 11; i++) proxied.push((await signIn(`via-${i}@example.org`, "10.0.0.1", { "x-forwarded-for": `198.51.100.${i + 1}` })).statusCode);
    expect(proxied.every((s) => s === 401)).toBe(true);
    // …and a client cannot hide behind a forged hop: only the proxy's own entry is believed.
    const forged: number[] = [];
    for (let i = 0; i < 11; i++) forged.push((await signIn(`forged-${i}@example.org`, "10.0.0.1", { "x-forwarded-for": `203.0.113.${i + 1}, 198.51.100.200` })).statusCode);
    expect(forged.at(-1)).toBe(429);
  });

  it("are shared by every process through the database", async () => {
    // A second app on the same database is a second process as far as the limits know.
    const second = await secondApp(t().ctx);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const app = i % 2 ? second : t().app;
        statuses.push((await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: `shared-${i}@example.org`, password: "not the password" }, remoteAddress: "10.73.0.1" })).statusCode);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await second.close();
    }
  });
});
