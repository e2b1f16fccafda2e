import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PassThrough, Readable } from "node:stream";
import { decodeJsonText, parseSolveArgs, progressReporter, readInput } from "./solve-io.js";

describe("parseSolveArgs", () => {
  it("reads every flag, in both --flag value and --flag=value forms", () => {
    expect(parseSolveArgs(["--input", "a.json", "--output=b.json", "--time-limit", "2.5", "--seed=-3"])).toEqual({
      help: false,
      input: "a.json",
      output: "b.json",
      timeLimitSeconds: 2.5,
      seed: -3,
    });
  });

  it("rejects bad values", () => {
    expect(() => parseSolveArgs(["--seed", "1.5"])).toThrow("--seed must be an integer");
    expect(() => parseSolveArgs(["--time-limit", "0"])).toThrow("--time-limit must be a positive number");
    expect(() => parseSolveArgs(["--input"])).toThrow("--input needs a value");
  });
});

describe("readInput", () => {
  it("stops reading standard input once it is over the limit", async () => {
    let pulled = 0;
    const stdin = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield Buffer.alloc(1024, 0x20);
        }
      })(),
    );
    await expect(readInput("-", stdin, 10 * 1024)).rejects.toThrow("standard input is over the 10240 bytes limit");
    expect(pulled).toBeLessThan(20);
  });

  it("refuses empty standard input", async () => {
    await expect(readInput("-", Readable.from([]))).rejects.toThrow("standard input is empty");
  });
});

describe("progressReporter", () => {
  const capture = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 60 });
    let text = "";
    stream.on("data", (d: Buffer) => (text += d.toString()));
    return { stream, text: () => text };
  };

  it("prints occasional plain lines when stderr is not a terminal", () => {
    let now = 0;
    const err = capture(false);
    const p = progressReporter(err.stream, "assign", () => now);
    p.report({ fraction: 0.1 });
    now = 2500;
    p.report({ fraction: 0.5, message: "routing" });
    now = 2600;
    p.report({ fraction: 0.6 });
    p.done();
    expect(err.text()).toBe("assign: 50% routing\n");
  });

  it("redraws a bar on a terminal", () => {
    let now = 0;
    const err = capture(true);
    const p = progressReporter(err.stream, "assign", () => now);
    now = 200;
    p.report({ fraction: 0.5 });
    p.done();
    expect(err.text()).toMatch(/^\rassign \[#{15}-{15}\] 50% *\n$/);
  });
});

describe("decodeJsonText", () => {
  it("names the line and column of a syntax error", () => {
    expect(() => decodeJsonText(Buffer.from('{\n  "slots": [1,, 2]\n}'))).toThrow("input is not valid JSON at line 2, column 15");
    expect(() => decodeJsonText(Buffer.from('{"a": "unterminated'))).toThrow("line 1, column 20");
    expect(decodeJsonText(Buffer.from('{"a": [1, 2]}'))).toEqual({ a: [1, 2] });
  });

  it("locates every syntax error JSON.parse finds (one scanner serves both decoders)", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(",", "]", "}", ":", '"', "x", "-", "."), (text, at, junk) => {
        const i = at % (text.length + 1);
        const broken = text.slice(0, i) + junk + text.slice(i);
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        expect(() => decodeJsonText(Buffer.from(broken))).toThrow(/^input is not valid JSON at line \d+, column \d+: /);
      }),
      { numRuns: 500 },
    );
  });
});
