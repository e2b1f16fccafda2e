import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/**
 * The embedded database is one folder that only one process may open: PGlite has no
 * locking of its own, so a second process would write into the same files and lose rows.
 * The owner holds a lock file beside the folder (created with O_EXCL) naming its pid; a lock
 * left by a process that no longer runs is taken over. This follows PostgreSQL's own
 * postmaster.pid: check the recorded process, remove the file if it is gone, retry.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** The kernel's start time of the process (Linux), so a reused pid is not taken for the owner. */
  processStart: string | null;
  command: string;
  since: string;
  token: string;
}

export class DataFolderInUseError extends Error {
  override name = "DataFolderInUseError";
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${owner.pid}${owner.host === hostname() ? "" : ` on ${owner.host}`} ` +
        `(${owner.command}, since ${owner.since}). Only one process may open it: stop that process first ` +
        `(kill -TERM ${owner.pid}), or use PostgreSQL (DATABASE_URL), which several processes can share. ` +
        `If that process is not Plenary's, delete ${lockFile}.`,
    );
  }
}

/** Field 22 of /proc/PID/stat: the process's start time in clock ticks since boot. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function running(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStart(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof o.pid === "number" && typeof o.host === "string" ? (o as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FolderLock {
  readonly file: string;
  release(): void;
}

/**
 * Removes a stale lock, but only if it is still the one found stale: two processes that both
 * found the same dead owner must not both take over (the second would delete the lock the
 * first had just created). A short-lived guard file, created with O_EXCL, makes the check and
 * the removal one step; a guard left by a process that died inside this step is cleared
 * after a few seconds.
 */
async function removeStale(file: string, stale: LockOwner | undefined): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    closeSync(openSync(guard, "wx", 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5000) unlinkSync(guard);
    } catch {
      // Gone meanwhile: its owner finished.
    }
    await sleep(20);
    return;
  }
  try {
    const now = readOwner(file);
    if (now === undefined ? stale === undefined : now.token === stale?.token) unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  } finally {
    unlinkSync(guard);
  }
}

export async function lockFolder(folder: string, file: string, testHooks: { beforeTakeover?: () => Promise<void> } = {}): Promise<FolderLock> {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    command: ["node", ...process.argv.slice(1)].join(" ").slice(0, 200),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      try {
        writeSync(fd, JSON.stringify(me) + "\n");
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = readOwner(file);
    // An unreadable file is either being written this instant or was cut short by a crash.
    if (!owner && attempt < 5) {
      await sleep(50);
      continue;
    }
    if (owner && (owner.host !== me.host || running(owner))) throw new DataFolderInUseError(folder, file, owner);
    if (attempt > 20) throw new Error(`cannot take the lock ${file}: it keeps reappearing`);
    await testHooks.beforeTakeover?.();
    await removeStale(file, owner);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    // Only our own lock: never remove one a later owner took over.
    if (readOwner(file)?.token === me.token) unlinkSync(file);
  };
  // process.exit() skips close(); a kill -9 leaves the file, which the next start recovers.
  process.on("exit", release);
  return { file, release };
}
