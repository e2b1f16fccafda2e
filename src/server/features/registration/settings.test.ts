import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { insertRequests, registrationFixture } from "./test-helpers.js";

const t = useTestApp();
let ip = 0;
const inject = (opts: InjectOptions) => t().app.inject({ remoteAddress: `10.6.${++ip % 250}.${ip % 5}`, ...opts });

type Err = { error: { code: string; message: string; fields?: Record<string, string[]> } };

describe("stipend settings against what is promised", () => {
  it("refuses a budget below what is offered and accepted, and a currency change while offers are open", async () => {
    const f = await registrationFixture(t().ctx, { stipendBudget: 20_000 });
    const [a, b] = await insertRequests(t().ctx, f.event.id, 2, "requested");
    for (const r of [a!, b!]) await inject({ method: "POST", url: `/api/v1/registration/requests/${r.id}/stipend?token=${r.token}`, payload: { amount: 5_000, currency: "USD", origin: "X", justification: "Y" } });
    const list = json<{ stipends: { id: string; requestId: string }[] }>(await inject({ method: "GET", url: `${f.base}/stipends`, headers: f.organiser.headers }));
    for (const s of list.stipends) expect((await inject({ method: "POST", url: `${f.base}/stipends/${s.id}/actions`, headers: f.organiser.headers, payload: { action: "offer", amount: 5_000 } })).statusCode).toBe(200);
    await inject({ method: "POST", url: `/api/v1/registration/requests/${a!.id}/stipend/respond?token=${a!.token}`, payload: { action: "accept" } });
    const put = (payload: object) => inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload });

    const low = await put({ stipendBudget: 9_999 });
    expect(low.statusCode).toBe(409);
    expect(json<Err>(low).error).toMatchObject({ code: "budget_below_committed" });
    expect(Object.keys(json<Err>(low).error.fields!)).toEqual(["stipendBudget"]);
    expect((await put({ stipendBudget: 10_000 })).statusCode).toBe(200);

    const currency = await put({ stipendCurrency: "EUR" });
    expect(currency.statusCode).toBe(409);
    expect(json<Err>(currency).error).toMatchObject({ code: "stipend_currency_locked" });
    expect(Object.keys(json<Err>(currency).error.fields!)).toEqual(["stipendCurrency"]);
    const settings = json<{ stipendBudget: number; stipendCurrency: string }>(await inject({ method: "GET", url: `${f.base}/settings`, headers: f.organiser.headers }));
    expect(settings).toMatchObject({ stipendBudget: 10_000, stipendCurrency: "USD" });

    // Once nothing is promised, both may change.
    await inject({ method: "POST", url: `/api/v1/registration/requests/${b!.id}/stipend/respond?token=${b!.token}`, payload: { action: "decline" } });
    const sa = list.stipends.find((s) => s.requestId === a!.id)!.id;
    expect((await inject({ method: "POST", url: `${f.base}/stipends/${sa}/actions`, headers: f.organiser.headers, payload: { action: "reimburse", amount: 5_000 } })).statusCode).toBe(200);
    expect((await put({ stipendCurrency: "EUR", stipendBudget: 5_000 })).statusCode).toBe(200);
  });
});
