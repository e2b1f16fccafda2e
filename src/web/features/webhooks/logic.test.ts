import { describe, expect, it } from "vitest";
import { durationText, endpointState, groupEventTypes, prettyJson, statusText, verbOf } from "./logic.js";

const t = (type: string) => ({ type, version: 1, summary: "", description: "" });

describe("webhook page logic", () => {
  it("groups event types by noun, known groups first, in their order", () => {
    const groups = groupEventTypes([t("zebra.seen"), t("stipend.offered"), t("invitation_request.invited"), t("stipend.accepted"), t("payment.received")]);
    expect(groups.map((g) => g.label)).toEqual(["Invitation requests", "Travel stipends", "Fees", "zebra"]);
    expect(groups[1]!.types.map((x) => x.type)).toEqual(["stipend.offered", "stipend.accepted"]);
    expect(verbOf("invitation_request.checked_in")).toBe("checked in");
  });

  it("names an endpoint's state and a delivery's answer for people", () => {
    expect(endpointState({ state: "enabled", disabledReason: null }).label).toBe("Active");
    expect(endpointState({ state: "disabled", disabledReason: "failing" })).toEqual({ label: "Disabled after failures", tone: "warn" });
    expect(endpointState({ state: "disabled", disabledReason: "organiser" }).label).toBe("Paused");
    expect(statusText(null, true)).toBe("no answer");
    expect(statusText(null, false)).toBe("—");
    expect(statusText(503, true)).toBe("503");
    expect(durationText(42)).toBe("42 ms");
    expect(durationText(1530)).toBe("1.5 s");
    expect(durationText(15_000)).toBe("15 s");
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
