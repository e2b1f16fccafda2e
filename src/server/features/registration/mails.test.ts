import { eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { users } from "../../platform/auth/tables.js";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { linkFrom, mailsTo, registrationFixture } from "./test-helpers.js";

const t = useTestApp();
let ip = 0;
const inject = (opts: InjectOptions) => t().app.inject({ remoteAddress: `10.5.${++ip % 250}.${ip % 5}`, ...opts });

describe("registration mails in the recipient's language", () => {
  it("writes to an applicant without an account in the language of their request, and follows an account's setting", async () => {
    const f = await registrationFixture(t().ctx, { waiversAllowed: true });
    const email = `de-${Date.now()}@example.org`;
    const created = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email, name: "Grete", workOn: "Treiber", locale: "de" } });
    expect(created.statusCode).toBe(201);
    const [verify] = await mailsTo(t().ctx, email);
    expect(verify!.subject).toBe(`Bestätigen Sie Ihre Einladungsanfrage für ${f.event.name}`);
    expect(verify!.html).toContain('<html lang="de">');
    const { requestId, token } = linkFrom(verify!.text);
    expect((await inject({ method: "POST", url: "/api/v1/registration/verify", payload: { requestId, token } })).statusCode).toBe(200);
    const [received] = await mailsTo(t().ctx, email);
    expect(received!.subject).toContain("ist eingegangen");
    expect(received!.text).toMatch(/\(Europe\/London\)/);

    // The invitation: German words, German digits for the fee, the deadline in the event's zone.
    const invite = await inject({ method: "POST", url: `${f.base}/decisions`, headers: f.organiser.headers, payload: { action: "invite", ids: [requestId] } });
    expect(json(invite)).toMatchObject({ changed: 1, mailsQueued: 1 });
    const [invitation] = await mailsTo(t().ctx, email);
    expect(invitation!.subject).toBe(`Sie sind zu ${f.event.name} eingeladen`);
    expect(invitation!.text).toContain("Die Gebühr beträgt USD 15,00. Sie geht vollständig an Example Beneficiary.");
    expect(invitation!.text).toContain("bitten Sie uns um einen Erlass");

    // An account's language wins over the one its request was made in.
    const other = await makeUser(t().ctx);
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, other.id));
    const mine = await inject({ method: "POST", url: `${f.base}/requests`, headers: other.headers, payload: { workOn: "Dokumentation", locale: "en" } });
    expect(mine.statusCode).toBe(201);
    const [ack] = await mailsTo(t().ctx, other.email);
    expect(ack!.subject).toContain("ist eingegangen");
  });
});
