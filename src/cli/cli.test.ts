import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../server/platform/config.js";
import { openContext } from "../server/runtime.js";
import { useScratchDatabases } from "../server/test-support/db.js";
import { spawnTs, tsEntry } from "../server/test-support/processes.js";
import { main } from "./index.js";

/** Runs a CLI command in-process against the database named by `env`, capturing output. */
async function plenary(env: Record<string, string | undefined>, ...argv: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: "silent", ...env });
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  const write = vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  try {
    const code = await main(argv);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    process.env = saved;
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), "plenary-cli-"));
const pgUrl = process.env.TEST_DATABASE_URL;
const databases = useScratchDatabases("plenary_cli");

// Each test starts CLI processes through tsx; on a shared two-core machine a cold start can take
// tens of seconds, so the limits are generous: these tests check behaviour, not speed.
describe("plenary CLI", () => {
  it("seeds, backs up, restores, exports and imports on the embedded database", async () => {
    const env = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    expect((await plenary(env, "seed-demo")).code).toBe(0);
    expect((await plenary(env, "seed-demo")).code).toBe(1);
    const file = join(tmp(), "backup.json");
    expect((await plenary(env, "backup", file)).code).toBe(0);
    const backup = JSON.parse(readFileSync(file, "utf8")) as { tables: Record<string, unknown[]> };
    expect(backup.tables.events!.length).toBeGreaterThan(3);

    const admin = await plenary(env, "create-admin", "--email", "root@example.org");
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/password: \S{10,}/);

    expect((await plenary(env, "restore", file)).code).toBe(0);
    const again = join(tmp(), "again.json");
    await plenary(env, "backup", again);
    expect(JSON.parse(readFileSync(again, "utf8")).tables).toEqual(backup.tables);

    const exported = await plenary(env, "export", "--community", "xen-project");
    const doc = JSON.parse(exported.out);
    doc.community.slug = "xen-copy";
    const docFile = join(tmp(), "community.json");
    writeFileSync(docFile, JSON.stringify(doc));
    const imported = await plenary(env, "import", docFile);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("imported xen-copy");
    expect((await plenary(env, "import", docFile)).code).toBe(1);
  }, 180_000);

  it("writes backups readable by their owner only, even over an existing file", async () => {
    const env = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    const file = join(tmp(), "backup.json");
    writeFileSync(file, "old", { mode: 0o644 });
    expect((await plenary(env, "backup", file)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 180_000);

  it("carries the status-link secret in the backup, so a restore into a new data folder keeps every status link", async () => {
    const secretsOf = async (dataDir: string) => {
      const ctx = await openContext(loadConfig({ LOG_LEVEL: "silent" }, { dataDir }));
      try {
        return { ...ctx.secrets };
      } finally {
        await ctx.close();
      }
    };
    const from = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    expect((await plenary(from, "seed-demo")).code).toBe(0);
    const file = join(tmp(), "backup.json");
    await plenary(from, "backup", file);
    const into = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    expect((await plenary(into, "restore", file)).code).toBe(0);
    const [a, b] = [await secretsOf(from.PLENARY_DATA_DIR), await secretsOf(into.PLENARY_DATA_DIR)];
    expect(b.statusLink).toBe(a.statusLink);
  }, 270_000);

  it("refuses to run on an embedded database another process holds, naming it", async () => {
    const dir = tmp();
    const server = spawnTs(tsEntry("test-support/hold-database.ts"), [dir]);
    try {
      await server.waitFor(/open/);
      const r = await plenary({ PLENARY_DATA_DIR: dir, DATABASE_URL: undefined }, "backup", join(tmp(), "b.json"));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^backup: The embedded database in .* is in use by process ${server.proc.pid} `));
    } finally {
      server.proc.kill("SIGTERM");
      await server.exited;
    }
  }, 180_000);

  it("refuses bad input with a message, not a stack trace", async () => {
    const env = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    const notJson = join(tmp(), "x.json");
    writeFileSync(notJson, "{nope");
    expect(await plenary(env, "restore", notJson)).toMatchObject({ code: 1, err: expect.stringContaining("is not JSON") });
    writeFileSync(notJson, JSON.stringify({ hello: 1 }));
    expect(await plenary(env, "restore", notJson)).toMatchObject({ code: 1, err: expect.stringContaining("not a Plenary backup") });
    expect(await plenary(env, "frobnicate")).toMatchObject({ code: 1, err: expect.stringContaining("unknown command") });
    expect(await plenary(env, "create-admin")).toMatchObject({ code: 1, err: expect.stringContaining("--email") });
  }, 90_000);

  it.skipIf(!pgUrl)("moves a backup from the embedded database to PostgreSQL and back", async () => {
    const embedded = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined };
    await plenary(embedded, "seed-demo");
    const file = join(tmp(), "b.json");
    await plenary(embedded, "backup", file);

    const server = { PLENARY_DATA_DIR: tmp(), DATABASE_URL: await databases.create() };
    expect((await plenary(server, "restore", file)).code).toBe(0);
    const fromPg = join(tmp(), "pg.json");
    await plenary(server, "backup", fromPg);
    expect(JSON.parse(readFileSync(fromPg, "utf8")).tables).toEqual(JSON.parse(readFileSync(file, "utf8")).tables);
  }, 180_000);
});
