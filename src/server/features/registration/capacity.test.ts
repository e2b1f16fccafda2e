import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { outbox } from "../../platform/mail/tables.js";
import { invitationRequests } from "./tables.js";
import { insertRequests, registrationFixture } from "./test-helpers.js";

const t = useTestApp();

/**
 * 200 people invited to 100 places all confirm at once. On PostgreSQL (TEST_DATABASE_URL)
 * these run on up to 20 connections in parallel; on PGlite they are serialised by the one
 * connection. Either way exactly 100 are confirmed and the other 100 are told it is full.
 */
describe("capacity under concurrent confirmations", () => {
  it("confirms exactly 100 of 200 parallel confirmations for 100 places", async () => {
    const f = await registrationFixture(t().ctx, { capacity: 100 });
    const invited = await insertRequests(t().ctx, f.event.id, 200, "invited");
    const results = await Promise.all(invited.map((r) => t().app.inject({ method: "POST", url: `/api/v1/registration/requests/${r.id}/confirm?token=${r.token}` })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    expect(results.filter((r) => r.statusCode === 409).every((r) => json<{ error: { code: string } }>(r).error.code === "event_full")).toBe(true);
    const [{ n }] = (await t().ctx.db.select({ n: count() }).from(invitationRequests).where(and(eq(invitationRequests.eventId, f.event.id), eq(invitationRequests.state, "confirmed")))) as [{ n: number }];
    expect(Number(n)).toBe(100);
    const codes = await t().ctx.db.select({ c: invitationRequests.checkinCode }).from(invitationRequests).where(and(eq(invitationRequests.eventId, f.event.id), eq(invitationRequests.state, "confirmed")));
    expect(new Set(codes.map((c) => c.c)).size).toBe(100);
    const [{ m }] = (await t().ctx.db.select({ m: count() }).from(outbox).where(eq(outbox.template, "registration.confirmed"))) as [{ m: number }];
    expect(Number(m)).toBe(100);
  }, 60_000);

  it("keeps one live request per person when the same request arrives 10 times at once", async () => {
    const f = await registrationFixture(t().ctx);
    const email = `twice-${Date.now()}@example.org`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t().app.inject({ method: "POST", url: `${f.base}/requests`, payload: { email, name: "Same", workOn: "x" }, remoteAddress: `10.8.0.${i}` })),
    );
    // Every one answers alike (an anonymous caller never learns that a request exists, issue 7.10), and one request is live.
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    const live = await t().ctx.db.select({ n: count() }).from(invitationRequests).where(and(eq(invitationRequests.eventId, f.event.id), eq(invitationRequests.email, email)));
    expect(Number(live[0]!.n)).toBe(1);
  });
});
