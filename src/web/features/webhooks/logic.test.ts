import { describe, expect, it } from "vitest";
import en from "../../../shared/i18n/messages/en/index.js";
import { DELIVERY_LABEL, durationText, endpointState, groupEventTypes, groupId, prettyJson, typeSummaryId } from "./logic.js";

const t = (type: string) => ({ type, version: 1, summary: "", description: "" });

describe("webhook page logic", () => {
  it("groups event types by noun in the server's order", () => {
    const groups = groupEventTypes([t("invitation_request.invited"), t("stipend.offered"), t("invitation_request.confirmed"), t("zebra.seen")]);
    expect(groups.map((g) => g.key)).toEqual(["invitation_request", "stipend", "zebra"]);
    expect(groups[0]!.types.map((x) => x.type)).toEqual(["invitation_request.invited", "invitation_request.confirmed"]);
  });

  it("has catalogue words for today's groups, types and states", () => {
    const ids = Object.keys(en);
    for (const g of ["invitation_request", "stipend", "payment", "donation"]) expect(ids).toContain(groupId(g));
    for (const type of ["invitation_request.checked_in", "stipend.information_needed", "payment.refunded", "donation.recorded"]) expect(ids).toContain(typeSummaryId(type));
    for (const s of ["enabled", "disabled"] as const) expect(ids).toContain(endpointState({ state: s, disabledReason: "failing" }).label);
    for (const l of Object.values(DELIVERY_LABEL)) expect(ids).toContain(l.label);
  });

  it("formats response times in the reader's numbers", () => {
    expect(durationText("en", 42)).toBe("42 ms");
    expect(durationText("en", 1530)).toBe("1.5 sec");
    expect(durationText("de", 1530)).toBe("1,5 Sek.");
    expect(durationText("en", null)).toBeNull();
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
