/**
 * Runs a solver in a worker thread so that a long solve never blocks the server's event loop.
 *
 * This file is both the API (`runInWorker`, main thread) and the worker's entry (the block at
 * the bottom, run when loaded as a worker). The worker is started from this module's own URL,
 * so it works compiled (dist/…/worker.js) and from source under vitest or tsx (worker.ts,
 * where the worker first registers tsx to load TypeScript).
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

/** What a solver may report while it runs; solvers add their own fields (phase, bestCost, …). */
export interface SolverProgress {
  fraction?: number;
  message?: string;
}

interface SolverRunOptions {
  timeLimitMs?: number;
  seed?: number;
  onProgress?: (p: SolverProgress) => void;
}

/** Parses the JSON instance and solves it; parse errors reject with the solver's message. */
type SolverEntry = (instance: unknown, opts: SolverRunOptions) => unknown;

/** One line per solver, loaded lazily so a worker only loads the solver it runs. */
const solvers = {
  assign: async (): Promise<SolverEntry> => {
    const m = await import("./assignment/index.js");
    return (json, opts) => m.solveAssignment(m.parseAssignmentInstance(json), opts);
  },
  timetable: async (): Promise<SolverEntry> => {
    const m = await import("./timetable/index.js");
    return (json, opts) => m.solveTimetable(m.parseTimetableInstance(json), opts);
  },
} satisfies Record<string, () => Promise<SolverEntry>>;

export type SolverKind = keyof typeof solvers;

export interface RunInWorkerOptions {
  onProgress?: (p: SolverProgress) => void;
  /** Aborting terminates the worker at once and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Passed to the solver, which returns its best result when the limit is reached. */
  timeLimitMs?: number;
  seed?: number;
}

type FromWorker = { type: "progress"; progress: SolverProgress } | { type: "result"; result: unknown } | { type: "error"; name: string; message: string };

interface Job {
  kind: SolverKind;
  instance: unknown;
  timeLimitMs?: number;
  seed?: number;
}

/** Rebuilt from the worker's report, keeping the solver's error name (e.g. AssignmentInputError). */
export class SolverError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === "AbortError" ? reason : new DOMException("solver run aborted", "AbortError");
}

function startWorker(data: { plenarySolverJob: Job }): Worker {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith(".ts")) return new Worker(self, { workerData: data });
  // From source the worker must load TypeScript. `execArgv: ["--import", "tsx"]` does not reach
  // module loading inside vitest's forked workers, so the worker registers tsx itself first.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export function runInWorker<R = unknown>(kind: SolverKind, instance: unknown, opts: RunInWorkerOptions = {}): Promise<R> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const job: Job = { kind, instance, timeLimitMs: opts.timeLimitMs, seed: opts.seed };
  const worker = startWorker({ plenarySolverJob: job });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = (): void => {
      settle(() => reject(abortError(signal!)));
      void worker.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (msg: FromWorker) => {
      if (msg.type === "progress") {
        if (!settled) opts.onProgress?.(msg.progress);
      } else if (msg.type === "result") {
        settle(() => resolve(msg.result as R));
      } else {
        settle(() => reject(new SolverError(msg.name, msg.message)));
      }
    });
    worker.on("error", (err) => settle(() => reject(err)));
    worker.on("exit", (code) => settle(() => reject(new Error(`solver worker exited with code ${code} before reporting a result`))));
  });
}

async function serve(job: Job): Promise<void> {
  const port = parentPort!;
  try {
    const solve = await solvers[job.kind]();
    const result = await solve(job.instance, {
      timeLimitMs: job.timeLimitMs,
      seed: job.seed,
      onProgress: (progress) => port.postMessage({ type: "progress", progress } satisfies FromWorker),
    });
    port.postMessage({ type: "result", result } satisfies FromWorker);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ type: "error", name: err.name, message: err.message } satisfies FromWorker);
  }
}

const data = workerData as { plenarySolverJob?: Job } | null;
if (!isMainThread && parentPort && data?.plenarySolverJob) void serve(data.plenarySolverJob);
