import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "./solve-timetable.js";

const dir = mkdtempSync(join(tmpdir(), "plenary-timetable-"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

const instance = {
  slots: [
    { id: "d1-1", day: "2014-05-29", start: "09:30", end: "10:30" },
    { id: "d1-2", day: "2014-05-29", start: "10:30", end: "11:30" },
  ],
  areas: [{ id: "1", capacity: 20, features: ["projector"] }],
  topics: [
    { id: "xengt", leaders: ["lv"], needs: ["projector"] },
    { id: "arm-abi", leaders: ["mz"] },
  ],
  interest: [{ person: "p17", topics: ["xengt", "arm-abi"] }],
};

describe("plenary solve timetable", () => {
  it("solves a file and prints the result (exit 0)", async () => {
    const { code, out } = await run(["--input", file("ok.json", instance), "--seed", "4"]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ status: "optimal", cost: 0, breakdown: { clashes: 0, overflow: 0, unplaced: 0, moves: 0 }, unplaced: [] });
    expect(result.placements).toHaveLength(2);
  });

  it("reads standard input for '-'", async () => {
    const { code, out } = await run(["--input", "-", "--time-limit", "2"], JSON.stringify(instance));
    expect(code).toBe(0);
    expect(JSON.parse(out).cost).toBe(0);
  });

  it("names the offending field for invalid input (exit 1)", async () => {
    const bad = { ...instance, topics: [{ id: "xengt", pinned: { area: "9", slot: "d1-1" } }, instance.topics[1]] };
    const { code, out, err } = await run(["--input", file("bad.json", bad)]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain("topics[0].pinned.area: unknown area '9'");
  });

  it("refuses an empty file (exit 1)", async () => {
    const { code, err } = await run(["--input", file("empty.json", "")]);
    expect(code).toBe(1);
    expect(err).toContain("is empty");
  });

  it("reports colliding pins as infeasible but still writes the timetable (exit 2)", async () => {
    const clash = { ...instance, interest: [], topics: [{ id: "a", pinned: { area: "1", slot: "d1-1" } }, { id: "b", pinned: { area: "1", slot: "d1-1" } }] };
    const { code, out } = await run(["--input", file("clash.json", clash)]);
    expect(code).toBe(2);
    const result = JSON.parse(out);
    expect(result.status).toBe("infeasible");
    expect(result.unplaced).toEqual([{ topic: "b", reason: "pinned to area '1' at slot 'd1-1', where 'a' is already pinned" }]);
  });
});
