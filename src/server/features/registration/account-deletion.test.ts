import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser, PASSWORD } from "../../test-support/factories.js";
import { invitationRequests } from "./tables.js";
import { insertRequests, registrationFixture } from "./test-helpers.js";

const t = useTestApp();

/** Registration's part in account deletion (its onAccountDeleted hook), through the accounts API. */
describe("account deletion and registration requests", () => {
  it("asks to withdraw live requests first, then keeps ended ones without who made them", async () => {
    const u = await makeUser(t().ctx);
    const { event } = await registrationFixture(t().ctx);
    const [req] = await insertRequests(t().ctx, event.id, 1, "requested", { userId: u.id, email: u.email });
    const blocked = await t().app.inject({ method: "DELETE", url: "/api/v1/account", headers: u.headers, payload: { password: PASSWORD, confirm: "DELETE" } });
    expect(blocked.statusCode).toBe(409);
    expect(json(blocked)).toMatchObject({ error: { code: "registration_live", requestIds: [req!.id] } });
    await t().ctx.db.update(invitationRequests).set({ state: "withdrawn" }).where(eq(invitationRequests.id, req!.id));
    const done = await t().app.inject({ method: "DELETE", url: "/api/v1/account", headers: u.headers, payload: { password: PASSWORD, confirm: "DELETE" } });
    expect(done.statusCode).toBe(204);
    const [row] = await t().ctx.db.select().from(invitationRequests).where(eq(invitationRequests.id, req!.id));
    expect(row).toMatchObject({ name: "Deleted account", state: "withdrawn", answers: { workOn: "", extra: {} } });
    expect(row!.email).not.toContain(u.email);
  });
});
