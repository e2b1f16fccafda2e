import { describe, expect, it } from "vitest";
import { applicantCan, beforeDeadline, decisionsCan, LIVE_STATES, stipendsOffered, REQUEST_STATES, REQUEST_STEPS, STIPEND_STATES, STIPEND_STEPS, statesFrom } from "./rules.js";

describe("registration's machines", () => {
  it("lead only between known states, and every live request can be withdrawn", () => {
    for (const step of Object.values(REQUEST_STEPS)) for (const [from, to] of Object.entries(step.from)) expect([from, to].every((s) => (REQUEST_STATES as readonly string[]).includes(s))).toBe(true);
    for (const step of Object.values(STIPEND_STEPS)) for (const [from, to] of Object.entries(step.from)) expect([from, to].every((s) => (STIPEND_STATES as readonly string[]).includes(s))).toBe(true);
    expect(statesFrom(REQUEST_STEPS.withdraw).sort()).toEqual([...LIVE_STATES].sort());
  });

  it("give the flags the pages draw: confirm only before the deadline, stipend steps by the stipend's state", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(applicantCan({ state: "invited", confirmBy: "2030-01-02T00:00:00Z" }, null, true, now)).toMatchObject({ withdraw: true, confirm: true, requestStipend: true });
    expect(applicantCan({ state: "invited", confirmBy: "2029-12-31T00:00:00Z" }, null, true, now).confirm).toBe(false);
    expect(applicantCan({ state: "unverified", confirmBy: null }, null, true, now).requestStipend).toBe(false);
    expect(applicantCan({ state: "requested", confirmBy: null }, { state: "offered" }, true, now).stipend).toEqual({ accept: true, decline: true, withdraw: true, reply: true });
    expect(decisionsCan("confirmed")).toEqual({ invite: false, waitlist: false, decline: false, cancel: true });
  });

  it("guard the deadline, the stipend offer and who may ask for one", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    // No deadline set is no confirmation yet; the deadline's own instant is already too late.
    expect(beforeDeadline(null, now)).toBe(false);
    expect(beforeDeadline(now, now)).toBe(false);
    expect(beforeDeadline(new Date(now.getTime() + 1), now)).toBe(true);
    expect(beforeDeadline("2030-01-02T00:00:00Z", now)).toBe(true);
    // Stipends are offered only when the question is asked and there is money.
    expect(stipendsOffered({ questions: { stipend: true }, stipendBudget: 100 })).toBe(true);
    expect(stipendsOffered({ questions: { stipend: true }, stipendBudget: 0 })).toBe(false);
    expect(stipendsOffered({ questions: { stipend: false }, stipendBudget: 100 })).toBe(false);
    const live = { state: "requested" as const, confirmBy: null };
    expect(applicantCan(live, null, true, now).requestStipend).toBe(true);
    expect(applicantCan(live, null, false, now).requestStipend).toBe(false);
    expect(applicantCan(live, { state: "submitted" }, true, now).requestStipend).toBe(false);
    expect(applicantCan({ state: "withdrawn", confirmBy: null }, null, true, now).requestStipend).toBe(false);
  });
});
