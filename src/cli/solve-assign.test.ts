import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { main } from "./solve-assign.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plenary-solve-assign-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const feasible = {
  proposals: 2,
  reviewers: 3,
  reviewsPerProposal: 2,
  maxLoad: 2,
  affinity: [
    [0, 0, 0.9],
    [0, 1, 0.5],
    [0, 2, 0.1],
    [1, 0, 0.8],
    [1, 2, 0.3],
  ],
  conflicts: [[1, 1]],
  existing: [],
};

async function run(argv: string[], stdin = "") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr });
  return { code, out, err };
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe("plenary solve assign", () => {
  it("solves a file to standard output with exit 0", async () => {
    const r = await run(["--input", await file("ok.json", JSON.stringify(feasible))]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(Object.keys(res)).toEqual(["status", "objective", "assignments", "short", "stats", "precision"]);
    expect(res.status).toBe("optimal");
    expect(res.assignments).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 2],
    ]);
    expect(res.objective).toBeCloseTo(2.5, 12);
    expect(res.stats).toMatchObject({ nodes: 6, arcs: 10 });
  });

  it("reads standard input for '-' and writes --output", async () => {
    const output = join(dir, "result.json");
    const r = await run(["--input", "-", "--output", output, "--time-limit", "5"], JSON.stringify(feasible));
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(JSON.parse(await readFile(output, "utf8")).status).toBe("optimal");
  });

  it("exits 2 when infeasible, still listing what could not be placed", async () => {
    const r = await run(["--input=-"], JSON.stringify({ ...feasible, reviewsPerProposal: 3 }));
    expect(r.code).toBe(2);
    const res = JSON.parse(r.out);
    expect(res.status).toBe("infeasible");
    expect(res.short).toEqual([{ proposal: 1, missing: 1, reason: "only 2 eligible reviewers" }]);
  });

  it.each([
    ["a field error", JSON.stringify({ ...feasible, affinity: [[0, 5, 1]] }), "affinity[0][1]: reviewer 5 is out of range 0..2"],
    ["invalid JSON", '{"proposals": 2,\n "reviewers": }', "input is not valid JSON at line 2, column 15"],
    ["an empty file", "", "input file '"],
    ["a blank file", " \n", "is empty"],
  ])("exits 1 on %s with a message naming it", async (_what, content, message) => {
    const r = await run(["--input", await file("bad.json", content)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(message);
  });

  it("refuses a 1 GB file without reading it", async () => {
    const big = join(dir, "big.json");
    execFileSync("truncate", ["-s", "1G", big]);
    const started = performance.now();
    const r = await run(["--input", big]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("is 1024 MiB, over the 512 MiB limit");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("exits 1 on a missing file, an unknown flag or a bad time limit, and 0 for --help", async () => {
    expect((await run(["--input", join(dir, "nope.json")])).err).toContain("ENOENT");
    expect((await run(["--input", "-", "--fast"])).code).toBe(1);
    expect((await run(["--input", "-", "--time-limit", "soon"])).err).toContain("--time-limit must be a positive number");
    expect((await run([])).err).toContain("--input is required");
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("usage: plenary solve assign");
  });
});
