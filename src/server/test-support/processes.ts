import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Child processes for the tests that need more than one process (locks, start-up races,
 * mail under kill -9): TypeScript entry points run through tsx, output collected.
 */
export interface Child {
  proc: ChildProcess;
  output(): string;
  /** Resolves when a line of output matches, rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function tsEntry(relativeToSrcServer: string): string {
  return fileURLToPath(new URL(`../${relativeToSrcServer}`, import.meta.url));
}

export function spawnTs(entry: string, args: string[], env: Record<string, string | undefined> = {}): Child {
  // An undefined value removes the variable: a test owns its database and mail settings.
  const merged = Object.fromEntries(Object.entries({ ...process.env, LOG_LEVEL: "warn", ...env }).filter(([, v]) => v !== undefined));
  const proc = spawn(process.execPath, ["--import", "tsx", entry, ...args], { env: merged, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    proc,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (!m) return;
          done();
          resolve(m[0]);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${out}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(({ code, signal }) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`exited (${code ?? signal}) before ${pattern}; output:\n${out}`));
        });
        check();
      });
    },
  };
}
