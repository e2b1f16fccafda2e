/**
 * Shared plumbing for the `plenary solve …` commands: argument parsing, bounded input
 * reading, progress on standard error and the exit-code contract of
 * docs (shared/formats/solver-io.md): 0 solved, 1 input invalid, 2 infeasible.
 * Each command supplies only its parser, its solver and how to tell an infeasible result.
 */
import { open, stat, writeFile } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { decodeJson, JsonSyntaxError } from "../solvers/assignment/json.js";

export const EXIT_SOLVED = 0;
export const EXIT_INVALID = 1;
export const EXIT_INFEASIBLE = 2;

/** Refuse bigger inputs before reading them: a JSON text this large would not fit a JS string anyway. */
export const DEFAULT_MAX_INPUT_BYTES = 512 * 2 ** 20;

export interface SolveIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
}

export interface SolveArgs {
  input?: string;
  output?: string;
  timeLimitSeconds?: number;
  seed?: number;
  help: boolean;
}

export interface Progress {
  /** 0..1 when the solver can tell how far along it is. */
  fraction?: number;
  message?: string;
}

export interface SolveOptions {
  timeLimitMs?: number;
  seed?: number;
  onProgress: (p: Progress) => void;
}

export interface SolveCommand<I, R> {
  /** As typed after `plenary solve`, e.g. "assign". */
  name: string;
  /** Extra lines for --help, describing the input. */
  usage?: string;
  /** Turns the input bytes into a JSON value; errors it throws are reported as invalid input. */
  decode?: (bytes: Buffer) => unknown;
  /** Validates a decoded value; errors it throws are reported as invalid input (exit 1). */
  parse: (json: unknown) => I;
  solve: (instance: I, opts: SolveOptions) => R | Promise<R>;
  isInfeasible: (result: R) => boolean;
  io?: Partial<SolveIo>;
  maxInputBytes?: number;
}

/** A problem with the command line or the input, reported in one line with exit status 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function parseSolveArgs(argv: readonly string[]): SolveArgs {
  const args: SolveArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--input":
      case "-i":
        args.input = value();
        break;
      case "--output":
      case "-o":
        args.output = value();
        break;
      case "--time-limit": {
        const v = value();
        const n = Number(v);
        if (v.trim() === "" || !Number.isFinite(n) || n <= 0) throw new UsageError(`--time-limit must be a positive number of seconds, got '${v}'`);
        args.timeLimitSeconds = n;
        break;
      }
      case "--seed": {
        const v = value();
        const n = Number(v);
        if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n)) throw new UsageError(`--seed must be an integer, got '${v}'`);
        args.seed = n;
        break;
      }
      default:
        throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  return args;
}

function sizeText(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : `${bytes} bytes`;
}

/**
 * Reads the input file, or standard input for "-", refusing empty and oversized inputs.
 * A file's size is checked with stat before anything is read so that a 1 GB file costs nothing;
 * streams (stdin, pipes) are counted while reading and abandoned as soon as they exceed the limit.
 */
export async function readInput(path: string, stdin: Readable, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<Buffer> {
  const label = path === "-" ? "standard input" : `input file '${path}'`;
  let bytes: Buffer;
  if (path === "-") {
    bytes = await readBounded(stdin, maxBytes, label);
  } else {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      throw new UsageError(`cannot read ${label}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (info.isDirectory()) throw new UsageError(`${label} is a directory`);
    if (info.isFile()) {
      if (info.size > maxBytes) throw new UsageError(`${label} is ${sizeText(info.size)}, over the ${sizeText(maxBytes)} limit`);
      const handle = await open(path, "r");
      try {
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } else {
      // FIFOs and character devices report no meaningful size.
      const handle = await open(path, "r");
      try {
        bytes = await readBounded(handle.createReadStream({ autoClose: false }), maxBytes, label);
      } finally {
        await handle.close();
      }
    }
  }
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) throw new UsageError(`${label} is empty`);
  return bytes;
}

async function readBounded(stream: Readable, maxBytes: number, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new UsageError(`${label} is over the ${sizeText(maxBytes)} limit`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

/** Renders progress: a redrawn bar on a terminal, otherwise a plain line at most every few seconds. */
export function progressReporter(stderr: SolveIo["stderr"], name: string, now: () => number = Date.now): { report: (p: Progress) => void; done: () => void } {
  const tty = stderr.isTTY === true;
  // The first line waits one interval too, so quick solves print nothing.
  let last = now();
  let drawn = false;
  const report = (p: Progress): void => {
    const t = now();
    if (t - last < (tty ? 100 : 2000)) return;
    last = t;
    const pct = p.fraction === undefined ? "" : `${Math.round(Math.min(1, Math.max(0, p.fraction)) * 100)}%`;
    if (tty) {
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, p.fraction ?? 0)) * width);
      const line = `${name} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct} ${p.message ?? ""}`;
      stderr.write(`\r${line.slice(0, (stderr.columns ?? 80) - 1).padEnd(Math.min(79, (stderr.columns ?? 80) - 1))}`);
      drawn = true;
    } else {
      stderr.write(`${name}: ${[pct, p.message].filter(Boolean).join(" ")}\n`);
    }
  };
  const done = (): void => {
    if (drawn) stderr.write("\n");
  };
  return { report, done };
}

function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));
}

/**
 * Runs one `plenary solve NAME` invocation and returns its exit status. Unexpected solver
 * failures are rethrown: they are bugs, not bad input, and deserve a stack trace.
 */
export async function runSolveCommand<I, R>(argv: readonly string[], cmd: SolveCommand<I, R>): Promise<number> {
  const io: SolveIo = {
    stdin: cmd.io?.stdin ?? process.stdin,
    stdout: cmd.io?.stdout ?? process.stdout,
    stderr: cmd.io?.stderr ?? process.stderr,
  };
  const usage = `usage: plenary solve ${cmd.name} --input FILE|- [--output FILE] [--time-limit SECONDS] [--seed N]\n${cmd.usage ?? ""}`;
  const fail = async (message: string): Promise<number> => {
    await writeAll(io.stderr, `plenary solve ${cmd.name}: ${message}\n`);
    return EXIT_INVALID;
  };

  let args: SolveArgs;
  try {
    args = parseSolveArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}\n${usage}`);
    throw e;
  }
  if (args.help) {
    await writeAll(io.stdout, usage);
    return EXIT_SOLVED;
  }
  if (args.input === undefined) return fail(`--input is required\n${usage}`);

  let instance: I;
  try {
    const bytes = await readInput(args.input, io.stdin, cmd.maxInputBytes);
    const json = cmd.decode ? cmd.decode(bytes) : decodeJsonText(bytes);
    instance = cmd.parse(json);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }

  const progress = progressReporter(io.stderr, cmd.name);
  let result: R;
  try {
    result = await cmd.solve(instance, {
      timeLimitMs: args.timeLimitSeconds === undefined ? undefined : args.timeLimitSeconds * 1000,
      seed: args.seed,
      onProgress: progress.report,
    });
  } finally {
    progress.done();
  }
  const text = `${JSON.stringify(result)}\n`;
  if (args.output === undefined) await writeAll(io.stdout, text);
  else await writeFile(args.output, text);
  return cmd.isInfeasible(result) ? EXIT_INFEASIBLE : EXIT_SOLVED;
}

/**
 * JSON.parse (the fast path) with the error position given as line and column: on failure
 * the assignment decoder, which tracks its position, re-reads the bytes to say where.
 */
export function decodeJsonText(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    try {
      decodeJson(bytes);
    } catch (located) {
      if (located instanceof JsonSyntaxError) throw new UsageError(located.message);
      throw located;
    }
    throw new UsageError(`input is not valid JSON: ${(e as Error).message}`);
  }
}
