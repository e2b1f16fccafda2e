import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnTs, tsEntry } from "../../test-support/processes.js";
import { openDatabase, pgliteLockFile } from "./index.js";
import { DataFolderInUseError, lockFolder } from "./lock.js";

const tmp = () => mkdtempSync(join(tmpdir(), "plenary-lock-"));
const holder = tsEntry("test-support/hold-database.ts");

describe("the embedded database's folder lock", () => {
  it("refuses a second process with a message naming the owner, and recovers the lock of one killed with -9", async () => {
    const dir = tmp();
    const other = spawnTs(holder, [dir]);
    await other.waitFor(/open/);
    const refused = await openDatabase({ dataDir: dir }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    expect((refused as Error).message).toContain(`in use by process ${other.proc.pid}`);
    expect((refused as Error).message).toContain(pgliteLockFile(dir));

    other.proc.kill("SIGKILL");
    await other.exited;
    expect(existsSync(pgliteLockFile(dir))).toBe(true);
    const database = await openDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(pgliteLockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    await database.close();
    expect(existsSync(pgliteLockFile(dir))).toBe(false);
  }, 60_000);

  it("takes over a lock left by a process that is gone, or whose pid now belongs to another process", async () => {
    const dir = tmp();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const lock = { host: hostname(), command: "plenary serve", since: new Date().toISOString(), token: "old" };
    writeFileSync(pgliteLockFile(dir), JSON.stringify({ ...lock, pid: Number(gone.stdout), processStart: null }));
    await (await openDatabase({ dataDir: dir })).close();
    // Our own pid, recorded with another start time: a reused pid, not the owner.
    writeFileSync(pgliteLockFile(dir), JSON.stringify({ ...lock, pid: process.pid, processStart: "1" }));
    await (await openDatabase({ dataDir: dir })).close();
  }, 60_000);

  it("lets only one of two takers have a lock both found stale", async () => {
    const dir = tmp();
    const file = join(dir, "x.lock");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(file, JSON.stringify({ host: hostname(), command: "plenary serve", since: new Date().toISOString(), token: "dead", pid: Number(gone.stdout), processStart: null }));
    // Both read the dead owner before either removes it: the interleaving that once let both in.
    let arrived = 0;
    let go!: () => void;
    const together = new Promise<void>((r) => (go = r));
    const meet = async () => {
      if (++arrived === 2) go();
      await together;
    };
    const results = await Promise.allSettled([lockFolder(dir, file, { beforeTakeover: meet }), lockFolder(dir, file, { beforeTakeover: meet })]);
    const held = results.filter((r) => r.status === "fulfilled");
    expect(held).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(DataFolderInUseError);
    (held[0] as PromiseFulfilledResult<{ release(): void }>).value.release();
    expect(existsSync(file)).toBe(false);
  });

  it("refuses a second open within one process too", async () => {
    const dir = tmp();
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataFolderInUseError);
    await first.close();
  }, 60_000);
});
