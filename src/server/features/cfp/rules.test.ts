import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedToInstant } from "../../../shared/time.js";
import { affinity, automaticConflict, callOpen, PROPOSAL_ACTIONS, PROPOSAL_STATES, PROPOSAL_TRANSITIONS, proposalAllows, proposalCan, rank, weightedScore, zoneOf } from "./rules.js";

const owner = { owner: true, chair: false };
const chair = { owner: false, chair: true };
const open = { open: true, phase: "closed" as const };
const closed = { open: false, phase: "decision" as const };

describe("the proposal's state machine", () => {
  it("lets speakers edit drafts any time and submitted proposals only while the call is open", () => {
    expect(proposalAllows("edit", "draft", owner, closed)).toBe(true);
    expect(proposalAllows("edit", "submitted", owner, open)).toBe(true);
    expect(proposalAllows("edit", "submitted", owner, closed)).toBe(false);
    expect(proposalAllows("submit", "draft", owner, closed)).toBe(false);
    expect(proposalAllows("submit", "draft", owner, open)).toBe(true);
    expect(proposalAllows("edit", "accepted", owner, open)).toBe(false);
  });

  it("lets chairs decide only in the decision phase, and speakers confirm only an acceptance", () => {
    expect(proposalAllows("accept", "submitted", chair, { open: false, phase: "reviewing" })).toBe(false);
    expect(proposalAllows("accept", "submitted", chair, closed)).toBe(true);
    expect(proposalAllows("accept", "submitted", owner, closed)).toBe(false);
    expect(proposalAllows("accept", "waitlisted", chair, closed)).toBe(true);
    expect(proposalAllows("confirm", "accepted", owner, closed)).toBe(true);
    expect(proposalAllows("confirm", "submitted", owner, closed)).toBe(false);
  });

  it("never allows an action the transitions table has no edge for (except editing, which keeps the state)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROPOSAL_STATES), fc.constantFrom(...PROPOSAL_ACTIONS), fc.boolean(), fc.boolean(), fc.boolean(), (state, action, isOwner, isChair, isOpen) => {
        const allowed = proposalAllows(action, state, { owner: isOwner, chair: isChair }, { open: isOpen, phase: "decision" });
        if (allowed && action !== "edit") expect(PROPOSAL_TRANSITIONS[state][action]).toBeDefined();
        if (!isOwner && !isChair) expect(allowed).toBe(false);
      }),
    );
    for (const s of ["rejected", "declined", "withdrawn"] as const) expect(Object.values(proposalCan(s, { owner: true, chair: true }, { open: true, phase: "decision" })).some(Boolean)).toBe(false);
  });
});

describe("the deadline", () => {
  it("is exclusive: a second before is in time, the instant itself is late", () => {
    const opens = new Date("2014-03-01T00:00:00Z");
    const closes = new Date("2014-05-03T12:00:00Z");
    expect(callOpen(new Date(closes.getTime() - 1000), opens, closes)).toBe(true);
    expect(callOpen(closes, opens, closes)).toBe(false);
    expect(callOpen(new Date(opens.getTime() - 1), opens, closes)).toBe(false);
    expect(callOpen(new Date("2030-01-01T00:00:00Z"), opens, null)).toBe(true);
    expect(callOpen(new Date("2030-01-01T00:00:00Z"), null, null)).toBe(false);
  });

  it("reads an Anywhere-on-Earth time as UTC−12 and an event time in the event's zone", () => {
    // The end of 2 May AoE is noon UTC on 3 May.
    expect(zonedToInstant("2014-05-03T00:00", zoneOf("aoe", "America/Chicago")).toISOString()).toBe("2014-05-03T12:00:00.000Z");
    // Chicago in May is on daylight time, UTC−5.
    expect(zonedToInstant("2014-05-02T23:59", zoneOf("event", "America/Chicago")).toISOString()).toBe("2014-05-03T04:59:00.000Z");
  });
});

describe("automatic conflicts", () => {
  const speaker = { userId: "s", email: "ann@acme.test", affiliation: "Acme Inc." };
  it("finds a speaker of their own proposal, the same organisation's domain, the same affiliation and earlier co-speakers", () => {
    expect(automaticConflict({ userId: "s", email: "x@y.test", affiliation: "" }, [speaker], new Set())).toBe("author");
    expect(automaticConflict({ userId: "m", email: "bob@ACME.test", affiliation: "" }, [speaker], new Set())).toBe("domain");
    expect(automaticConflict({ userId: "m", email: "bob@other.test", affiliation: " acme  inc. " }, [speaker], new Set())).toBe("affiliation");
    expect(automaticConflict({ userId: "m", email: "bob@other.test", affiliation: "" }, [speaker], new Set(["s"]))).toBe("coauthor");
    expect(automaticConflict({ userId: "m", email: "bob@other.test", affiliation: "Other" }, [speaker], new Set())).toBeNull();
  });
  it("does not count a public mail provider or a documentation domain as an organisation", () => {
    expect(automaticConflict({ userId: "m", email: "bob@gmail.com", affiliation: "" }, [{ ...speaker, email: "ann@gmail.com" }], new Set())).toBeNull();
    expect(automaticConflict({ userId: "m", email: "bob@example.org", affiliation: "" }, [{ ...speaker, email: "ann@example.org" }], new Set())).toBeNull();
  });
});

describe("scores and affinity", () => {
  const criteria = [
    { key: "a", label: "A", weight: 2, scale: [] },
    { key: "b", label: "B", weight: 1, scale: [] },
  ];
  it("weighs criteria and calibrates a harsh reviewer", () => {
    expect(weightedScore(criteria, { a: 4, b: 1 })).toBe(3);
    const r = rank([
      { proposalId: "p", reviewerId: "harsh", score: 1 },
      { proposalId: "q", reviewerId: "kind", score: 4 },
      { proposalId: "q", reviewerId: "harsh", score: 2 },
      { proposalId: "p", reviewerId: "kind", score: 3 },
    ]);
    expect(r.get("p")).toMatchObject({ mean: 2, spread: 2, count: 2 });
    // Both reviewers' offsets cancel on a proposal they both scored.
    expect(r.get("p")!.calibrated).toBeCloseTo(2);
  });
  it("prefers bids, falls back to topics and excludes a conflict bid", () => {
    expect(affinity("eager", [], new Set())).toBeGreaterThan(affinity("willing", [], new Set())!);
    expect(affinity(null, ["x", "y"], new Set(["x"]))).toBe(0.5);
    expect(affinity("conflict", ["x"], new Set(["x"]))).toBeNull();
  });
});
