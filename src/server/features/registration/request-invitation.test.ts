import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { linkFrom, mailsTo, registrationFixture } from "./test-helpers.js";

const t = useTestApp();
let ip = 0;
const inject = (opts: InjectOptions) => t().app.inject({ remoteAddress: `10.7.${++ip % 250}.${ip % 5}`, ...opts });

type Err = { error: { code: string; message: string; fields?: Record<string, string[]> } };
/** What a caller could compare between two answers: everything but what they typed, the id and the clock's milliseconds. */
const comparable = (body: Record<string, unknown>) => {
  const { id: _id, email: _email, requestedAt, answerBy, ...rest } = body;
  return { ...rest, requestedAt: String(requestedAt).slice(0, 16), answerBy: String(answerBy).slice(0, 16) };
};

describe("requesting an invitation with someone else's address", () => {
  it("answers exactly as for a new address, tells the caller nothing, and mails the owner", async () => {
    const f = await registrationFixture(t().ctx);
    const owner = await makeUser(t().ctx);
    const mine = await inject({ method: "POST", url: `${f.base}/requests`, headers: owner.headers, payload: { workOn: "drivers" } });
    expect(mine.statusCode).toBe(201);
    const ownerRequest = json<{ id: string }>(mine).id;
    const before = (await mailsTo(t().ctx, owner.email)).length;

    const probe = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email: owner.email.toUpperCase(), name: "Mallory", workOn: "x" } });
    const fresh = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email: `nobody-${Date.now()}@example.org`, name: "Mallory", workOn: "x" } });
    expect(probe.statusCode).toBe(fresh.statusCode);
    expect(probe.statusCode).toBe(201);
    expect(Object.keys(probe.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(comparable(json(probe))).toEqual(comparable(json(fresh)));
    expect(probe.body).not.toContain(ownerRequest);
    expect(json(probe)).toMatchObject({ state: "unverified", statusUrl: null, needsVerification: true });

    // The owner hears of it; the link in that mail is the owner's own request.
    const mails = await mailsTo(t().ctx, owner.email);
    expect(mails.length).toBe(before + 1);
    expect(mails[0]!.template).toBe("registration.status-link");
    expect(linkFrom(mails[0]!.text).requestId).toBe(ownerRequest);

    // The id given to the caller cannot be told apart from a real unverified one's by the verify step either.
    const wrongToken = "x".repeat(43);
    const fakeVerify = await inject({ method: "POST", url: "/api/v1/registration/verify", payload: { requestId: json<{ id: string }>(probe).id, token: wrongToken } });
    const realVerify = await inject({ method: "POST", url: "/api/v1/registration/verify", payload: { requestId: json<{ id: string }>(fresh).id, token: wrongToken } });
    expect(fakeVerify.statusCode).toBe(realVerify.statusCode);
    expect(json<Err>(fakeVerify).error).toEqual(json<Err>(realVerify).error);
  });
});
