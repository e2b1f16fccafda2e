import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, root } from "./support.js";

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, ppid] of parent) {
      if (ppid !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("stops with the whole process tree on %s sent to npm", async (signal) => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "plenary-npm-start-"));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const npm = spawn("npm", ["start", "--", "--no-demo"], { cwd: root, env: { ...env, PORT: String(port), HOST: "127.0.0.1", PLENARY_DATA_DIR: dataDir, LOG_LEVEL: "warn" }, stdio: "ignore" });
    let tree: number[] = [];
    try {
      for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)); i++) {
        if (i > 900 || npm.exitCode !== null) throw new Error("npm start did not become ready");
        await new Promise((r) => setTimeout(r, 100));
      }
      tree = descendants(npm.pid!);
      expect(tree.length).toBeGreaterThan(0);
      // To npm only, as a supervisor or `kill PID` sends it: npm must pass it on.
      npm.kill(signal);
      await new Promise((r) => npm.once("exit", r));
      for (let i = 0; tree.some(alive); i++) {
        if (i > 200) throw new Error(`still running after ${signal} to npm: ${tree.filter(alive).join(", ")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await fetch(`http://127.0.0.1:${port}/readyz`).then(() => "listening", () => "closed")).toBe("closed");
    } finally {
      // What this test started and left running, by pid.
      for (const pid of tree.filter(alive)) process.kill(pid, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
