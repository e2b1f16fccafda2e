import { describe, expect, it } from "vitest";
import { SolverError, runInWorker } from "./worker.js";
import type { AssignmentResult } from "./assignment/index.js";

/** Big enough to take a while and report progress (about 100k pairs, 6k augmentations). */
function instance(proposals: number) {
  const reviewers = 500;
  const affinity: [number, number, number][] = [];
  for (let p = 0; p < proposals; p++) for (let r = 0; r < reviewers; r += 5) affinity.push([p, (r + p) % reviewers, ((p * 31 + r * 17) % 101) / 100]);
  return { proposals, reviewers, reviewsPerProposal: 3, maxLoad: 20, affinity };
}

describe("runInWorker", () => {
  it("solves in a worker thread and reports progress", async () => {
    const progress: (number | undefined)[] = [];
    const res = await runInWorker<AssignmentResult>("assign", instance(2000), { onProgress: (p) => progress.push(p.fraction) });
    expect(res.status).toBe("optimal");
    expect(res.assignments).toHaveLength(6000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((f) => f !== undefined && f >= 0 && f <= 1)).toBe(true);
  });

  it("rejects with the solver's error for bad input", async () => {
    const err = await runInWorker("assign", { proposals: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SolverError);
    expect(err).toMatchObject({ name: "AssignmentInputError", message: "proposals: must be a non-negative integer, got -1" });
  });

  it("dispatches to the timetable solver too", async () => {
    const err = await runInWorker("timetable", { slots: "none" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SolverError);
    expect(err).toMatchObject({ name: "TimetableInputError" });
  });

  it("terminates the worker and rejects with an AbortError when cancelled", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = runInWorker("assign", instance(4000), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(runInWorker("assign", {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });
});
