import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AssignmentInputError, PackedRows, decodeJson, parseAssignmentInstance } from "./index.js";
import { groupPairs } from "./parse.js";

const base = {
  proposals: 3,
  reviewers: 4,
  reviewsPerProposal: 2,
  maxLoad: 3,
  minLoad: 0,
  affinity: [
    [0, 1, 0.5],
    [2, 3, 0.25],
  ],
  conflicts: [[1, 2]],
  existing: [[0, 0]],
};

/** Parses `base` with some fields replaced, through the text decoder as the CLI does. */
const parseWith = (patch: Record<string, unknown>) => parseAssignmentInstance(decodeJson(Buffer.from(JSON.stringify({ ...base, ...patch }))));
const parseText = (text: string) => parseAssignmentInstance(decodeJson(Buffer.from(text)));

describe("parseAssignmentInstance", () => {
  it("reads a valid instance into sorted pair tables", () => {
    const inst = parseWith({ affinity: [[2, 3, 0.25], [0, 2, 1], [0, 1, 0.5]], loadOverrides: [[3, 1, 2]] });
    expect(Array.from(inst.affinity.start)).toEqual([0, 2, 2, 3]);
    expect(Array.from(inst.affinity.cols)).toEqual([1, 2, 3]);
    expect(Array.from(inst.affinity.scores)).toEqual([0.5, 1, 0.25]);
    expect(Array.from(inst.minLoad)).toEqual([0, 0, 0, 1]);
    expect(Array.from(inst.maxLoad)).toEqual([3, 3, 3, 2]);
    expect(inst.defaultAffinity).toBeNull();
  });

  it.each([
    ["a wrong type", { proposals: "3" }, 'proposals: must be a non-negative integer, got "3"'],
    ["negative k", { reviewsPerProposal: -1 }, "reviewsPerProposal: must be a non-negative integer, got -1"],
    ["maxLoad < minLoad", { minLoad: 4 }, "maxLoad: 3 is less than minLoad 4"],
    ["an override with maxLoad < minLoad", { loadOverrides: [[1, 3, 2]] }, "loadOverrides[0]: maxLoad 2 is less than minLoad 3"],
    ["an out-of-range proposal", { affinity: [[0, 1, 0.5], [3, 1, 0.1]] }, "affinity[1][0]: proposal 3 is out of range 0..2"],
    ["an out-of-range reviewer", { conflicts: [[0, -1]] }, "conflicts[0][1]: reviewer -1 is out of range 0..3"],
    ["a fractional id", { existing: [[0.5, 1]] }, "existing[0][0]: proposal 0.5 is out of range 0..2 (not an integer)"],
    ["a string score", { affinity: [[0, 1, 0.5], [2, 3, "NaN"]] }, 'affinity[1][2]: score must be a finite number, got "NaN"'],
    ["a null score", { affinity: [[0, 1, null]] }, "affinity[0][2]: score must be a finite number, got null"],
    ["a short row", { affinity: [[0, 1]] }, "affinity[0]: expected [proposal, reviewer, score], got 2 numbers"],
    ["a non-list", { conflicts: { 0: 1 } }, "conflicts: must be a list of [proposal, reviewer]"],
    ["a duplicate affinity pair", { affinity: [[0, 1, 0.5], [2, 3, 0.1], [0, 1, 0.7]] }, "affinity[2]: duplicate pair, also listed as affinity[0]"],
    ["a conflict in existing", { existing: [[1, 2]] }, "existing[0]: proposal 1 and reviewer 2 are listed in conflicts"],
    ["a duplicate existing pair", { existing: [[0, 0], [0, 0]] }, "existing[1]: duplicate pair, also listed as existing[0]"],
    ["too many existing reviewers", { existing: [[0, 0], [0, 1], [0, 2]] }, "existing: proposal 0 already has 3 reviewers, more than reviewsPerProposal 2"],
    ["existing over a reviewer's max", { loadOverrides: [[0, 0, 0]] }, "existing: reviewer 0 already has more than their maxLoad 0 reviews"],
    ["a bad defaultAffinity", { defaultAffinity: "high" }, 'defaultAffinity: must be null or a finite number, got "high"'],
    ["a bad objective", { objective: "best" }, 'objective: must be "total" or "fair", got "best"'],
    ["a bad balance", { balance: { perExtraLoad: -1 } }, "balance.perExtraLoad: must be a non-negative finite number, got -1"],
    ["a huge dense instance", { proposals: 100_000, reviewers: 1000, defaultAffinity: 0, affinity: [], conflicts: [], existing: [] }, "defaultAffinity: a dense instance of 100000 × 1000 pairs is over the limit"],
  ])("rejects %s, naming the field", (_what, patch, message) => {
    expect(() => parseWith(patch)).toThrow(AssignmentInputError);
    expect(() => parseWith(patch)).toThrow(message);
  });

  it("rejects scores that overflow to Infinity (1e999), packed or not", () => {
    expect(() => parseText('{"proposals":1,"reviewers":1,"reviewsPerProposal":1,"affinity":[[0,0,1e999]]}')).toThrow("affinity[0][2]: score must be a finite number, got Infinity");
    expect(() => parseText('{"proposals":1,"reviewers":1,"reviewsPerProposal":1,"affinity":[[0,0,1],[0,0,"x"],[0,0,-1e999]]}')).toThrow("affinity[1][2]: score must be a finite number");
  });

  it("rejects a non-object", () => {
    expect(() => parseAssignmentInstance([1, 2])).toThrow("input: must be a JSON object");
  });

  it("accepts plain JSON.parse output as well as packed rows", () => {
    const a = parseAssignmentInstance(JSON.parse(JSON.stringify(base)));
    const b = parseWith({});
    expect(a).toEqual(b);
  });
});

describe("groupPairs", () => {
  it("sorts pairs by proposal then reviewer, stably, remembering input positions", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(5)), { maxLength: 40 }), (pairs) => {
        const t = groupPairs(5, 6, Int32Array.from(pairs, ([p]) => p), Int32Array.from(pairs, ([, r]) => r));
        const expected = pairs.map(([p, r], i) => ({ p, r, i })).sort((a, b) => a.p - b.p || a.r - b.r || a.i - b.i);
        expect(Array.from(t.index)).toEqual(expected.map((x) => x.i));
        expect(Array.from(t.cols)).toEqual(expected.map((x) => x.r));
        for (let p = 0; p < 5; p++) expect(t.start[p + 1]! - t.start[p]!).toBe(pairs.filter(([q]) => q === p).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decodeJson", () => {
  it("decodes like JSON.parse, packing numeric tuples", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        const unpack = (x: unknown): unknown => {
          if (x instanceof PackedRows) return Array.from({ length: x.length }, (_, i) => Array.from(x.data.subarray(i * x.width, (i + 1) * x.width)));
          if (Array.isArray(x)) return x.map(unpack);
          if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, unpack(y)]));
          return x;
        };
        expect(unpack(decodeJson(Buffer.from(text)))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("parses numbers exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = `[[${JSON.stringify(x)}]]`;
        const got = decodeJson(Buffer.from(text)) as PackedRows;
        expect(got.data[0]).toBe(JSON.parse(text)[0][0]);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a":}', "line 1, column 6"],
    ['{\n  "a": [1, 2,, 3]\n}', "line 2, column 14: expected a JSON value (found ',')"],
    ['{"a": 01}', "leading zero"],
    ['{"a": 1', "line 1, column 8: expected ',' or '}'"],
    ["[1] x", "unexpected data after the JSON value"],
  ])("reports the position of a syntax error in %j", (text, message) => {
    expect(() => decodeJson(Buffer.from(text))).toThrow(message);
  });
});
