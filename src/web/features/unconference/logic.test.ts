import { describe, expect, it } from "vitest";
import { translator } from "../../../shared/i18n/catalogues.js";
import { cellId, countdown, diffText, nowAndNext, parseCellId } from "./logic.js";

const slot = (id: string, start: string, end: string, blocked = false) => ({ id, date: "2014-05-29", startTime: "", endTime: "", start, end, blocked });

describe("the board pages' logic", () => {
  it("marks the running slot and the next one, skipping fixed items, as the clock moves", () => {
    const slots = [slot("a", "2014-05-29T08:30:00Z", "2014-05-29T09:30:00Z"), slot("lunch", "2014-05-29T11:30:00Z", "2014-05-29T12:30:00Z", true), slot("b", "2014-05-29T12:30:00Z", "2014-05-29T13:30:00Z")];
    expect(nowAndNext({ slots }, Date.parse("2014-05-29T08:00:00Z"))).toEqual({ current: null, next: "a" });
    expect(nowAndNext({ slots }, Date.parse("2014-05-29T09:00:00Z"))).toEqual({ current: "a", next: "b" });
    expect(nowAndNext({ slots }, Date.parse("2014-05-29T12:00:00Z"))).toEqual({ current: null, next: "b" });
    expect(nowAndNext({ slots }, Date.parse("2014-05-29T14:00:00Z"))).toEqual({ current: null, next: null });
  });

  it("round-trips grid cells and says a diff in words in English and German", () => {
    expect(parseCellId(cellId("area", "slot"))).toEqual({ areaId: "area", slotId: "slot" });
    expect(parseCellId("unplaced")).toBeNull();
    const d = { topicId: "t", title: "Mirage OS", kind: "unplaced" as const, from: null, to: null, reason: "no area has feature 'gpu'" };
    expect(diffText(d, (id, v) => translator("en").t(id, v), () => "")).toBe("“Mirage OS” cannot be placed: no area has feature 'gpu'.");
    expect(diffText({ ...d, kind: "moved", from: { areaId: "1", slotId: "s" }, to: { areaId: "2", slotId: "s" } }, (id, v) => translator("de").t(id, v), (p) => `Bereich ${p?.areaId}`)).toBe("„Mirage OS“ wird verschoben von Bereich 1 nach Bereich 2.");
  });

  it("counts a demo's time box down, then over time", () => {
    const start = "2014-05-29T15:30:00Z";
    expect(countdown(start, 5, Date.parse(start))).toEqual({ text: "5:00", over: false });
    expect(countdown(start, 5, Date.parse(start) + 61_000)).toEqual({ text: "3:59", over: false });
    expect(countdown(start, 5, Date.parse(start) + 312_000)).toEqual({ text: "+0:12", over: true });
  });
});
