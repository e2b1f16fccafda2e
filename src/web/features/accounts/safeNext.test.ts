import { describe, expect, it } from "vitest";
import { safeNext } from "./safeNext.js";

describe("safeNext", () => {
  it("follows same-site paths only", () => {
    expect(safeNext("/account")).toBe("/account");
    expect(safeNext("/communities/xen-project?x=1")).toBe("/communities/xen-project?x=1");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext(null, "/account")).toBe("/account");
  });
});
