import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeCommunity, makeUser } from "../../test-support/factories.js";
import { localMailbox } from "../../platform/mail/tables.js";
import { localTransport, MailWorker } from "../../platform/mail/worker.js";
import { users } from "../../platform/auth/tables.js";
import { eq } from "drizzle-orm";

const t = useTestApp();

async function deliver(to: string, subject: string): Promise<void> {
  await t().ctx.db.insert(localMailbox).values({ messageId: `<${Math.random()}@test>`, to, from: "plenary@test", subject, text: subject, html: subject });
}

type Box = { messages: { id: number; to: string; subject: string }[] };

describe("the local mailbox", () => {
  it("is the instance admin's; an organiser of another community cannot read the admin's sign-in link", async () => {
    const admin = await makeUser(t().ctx, { admin: true });
    const organiser = await makeUser(t().ctx);
    await makeCommunity(t().ctx, { organiserId: organiser.id });
    await deliver(admin.email, "Your sign-in link");
    await deliver(organiser.email, "Hello organiser");

    const asOrganiser = json<Box>(await t().app.inject({ method: "GET", url: `/api/v1/dev/mail?to=${encodeURIComponent(admin.email)}`, headers: organiser.headers }));
    expect(asOrganiser.messages).toEqual([]);
    const own = json<Box>(await t().app.inject({ method: "GET", url: "/api/v1/dev/mail", headers: organiser.headers }));
    expect(own.messages.map((m) => m.to)).toEqual([organiser.email]);

    const all = json<Box>(await t().app.inject({ method: "GET", url: `/api/v1/dev/mail?to=${encodeURIComponent(admin.email)}`, headers: admin.headers }));
    const adminMail = all.messages.find((m) => m.subject === "Your sign-in link")!;
    expect(adminMail).toBeDefined();
    expect((await t().app.inject({ method: "GET", url: `/api/v1/dev/mail/${adminMail.id}`, headers: organiser.headers })).statusCode).toBe(404);
    expect((await t().app.inject({ method: "GET", url: `/api/v1/dev/mail/${adminMail.id}`, headers: admin.headers })).statusCode).toBe(200);
    expect((await t().app.inject({ method: "GET", url: "/api/v1/dev/mail" })).statusCode).toBe(401);
  });

  it("cannot be used to take over the admin's account: the attack of issue 7.1, step by step", async () => {
    const admin = await makeUser(t().ctx, { admin: true });
    const organiser = await makeUser(t().ctx);
    await makeCommunity(t().ctx, { organiserId: organiser.id });
    // 1. Ask for a sign-in link for the admin's address (anyone may: the answer is the same for every address).
    const asked = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link", headers: organiser.headers, payload: { email: admin.email } });
    expect(asked.statusCode).toBe(202);
    await new MailWorker(t().ctx, localTransport(t().ctx)).drain();
    // 2. Look for it in the local mailbox, by filter, by listing and by guessing ids.
    const filtered = json<Box>(await t().app.inject({ method: "GET", url: `/api/v1/dev/mail?to=${encodeURIComponent(admin.email)}`, headers: organiser.headers }));
    const listed = json<Box>(await t().app.inject({ method: "GET", url: "/api/v1/dev/mail", headers: organiser.headers }));
    expect([...filtered.messages, ...listed.messages].filter((m) => m.to === admin.email)).toEqual([]);
    const [link] = await t().ctx.db.select().from(localMailbox).where(eq(localMailbox.to, admin.email));
    expect(link).toBeDefined();
    const guessed = await t().app.inject({ method: "GET", url: `/api/v1/dev/mail/${link!.id}`, headers: organiser.headers });
    expect(guessed.statusCode).toBe(404);
    expect(guessed.body).not.toContain("sign-in");
  });

  it("shows nothing to an account whose address is not verified yet", async () => {
    const person = await makeUser(t().ctx);
    await t().ctx.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, person.id));
    await deliver(person.email, "Confirm your address");
    expect(json<Box>(await t().app.inject({ method: "GET", url: "/api/v1/dev/mail", headers: person.headers })).messages).toEqual([]);
  });
});
