// `plenary backup` → `plenary restore` through the compiled CLI (node dist/…), as an operator
// runs it, on the embedded database and on PostgreSQL: the restored instance has the same
// rows and still opens a status link made before the backup. Run by .ci/run after a build;
// PostgreSQL is used when CHECK_PG_URL (an admin URL) is set.
//
//   node scripts/check-backup.mjs
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "src", "cli", "run.js");
const pgAdmin = process.env.CHECK_PG_URL;
const work = mkdtempSync(join(tmpdir(), "plenary-check-backup-"));
const cleanups = [];

function fail(message) {
  console.error(`check-backup: FAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

/** Runs a compiled CLI command and returns its exit code and output. */
function plenary(env, ...args) {
  const r = spawnSync(process.execPath, ["--liftoff-only", cli, ...args], { env: { ...process.env, LOG_LEVEL: "warn", ...env }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function expectOk(what, r) {
  if (r.code !== 0) fail(`${what} exited ${r.code}:\n${r.err}${r.out}`);
  return r;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the compiled server and waits until it is ready; returns its address and a stop function. */
async function serve(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--liftoff-only", cli, "serve", "--no-demo"], { env: { ...process.env, LOG_LEVEL: "warn", PORT: String(port), HOST: "127.0.0.1", PLENARY_URL: base, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) fail(`server exited with ${child.exitCode}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (i > 1200) fail("server not ready within 2 minutes");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) fail(`server exited with ${code} on SIGTERM`);
    },
  };
}

/** Signs in as a demo account and asks for an invitation to the demo hackathon; returns the status API path with its token. */
async function makeStatusLink(base) {
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "attendee@example.org", password: "plenary-demo" }) });
  if (!signIn.ok) fail(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const { csrfToken } = await signIn.json();
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/v1/communities/xen-project/events/hackathon-2014/registration/requests`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken }, body: JSON.stringify({ workOn: "checking backups" }) });
  if (res.status !== 201) fail(`request: ${res.status} ${await res.text()}`);
  const { id, statusUrl } = await res.json();
  return `/api/v1/registration/requests/${id}?token=${new URL(statusUrl).searchParams.get("token")}`;
}

async function expectStatusOpens(base, link, where) {
  const r = await fetch(`${base}${link}`);
  if (r.status !== 200) fail(`the status link answers ${r.status} ${where}`);
  console.error(`check-backup: status link opens ${where}`);
}

const tables = (file) => JSON.parse(readFileSync(file, "utf8")).tables;

function sameTables(a, b, where) {
  if (JSON.stringify(tables(a)) !== JSON.stringify(tables(b))) fail(`the backup taken ${where} differs from the original`);
}

async function main() {
  const original = { PLENARY_DATA_DIR: join(work, "original"), DATABASE_URL: "" };
  expectOk("seed-demo", plenary(original, "seed-demo"));
  const server = await serve(original);
  const link = await makeStatusLink(server.base);
  await expectStatusOpens(server.base, link, "on the original instance");
  const refused = plenary(original, "backup", join(work, "refused.json"));
  if (refused.code !== 1 || !/in use by process \d+/.test(refused.err)) fail(`backup of a folder a server holds was not refused: ${refused.code} ${refused.err}`);
  await server.stop();

  const file = join(work, "backup.json");
  expectOk("backup", plenary(original, "backup", file));
  if ((statSync(file).mode & 0o777) !== 0o600) fail(`the backup file has mode ${(statSync(file).mode & 0o777).toString(8)}, not 600`);

  const targets = [{ name: "a new embedded data folder", env: { PLENARY_DATA_DIR: join(work, "restored"), DATABASE_URL: "" } }];
  if (pgAdmin) {
    const name = `plenary_check_backup_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgAdmin });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: pgAdmin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(pgAdmin);
    url.pathname = `/${name}`;
    targets.push({ name: "PostgreSQL", env: { PLENARY_DATA_DIR: join(work, "pg"), DATABASE_URL: url.toString() } });
  }
  for (const t of targets) {
    expectOk(`restore into ${t.name}`, plenary(t.env, "restore", file));
    const again = join(work, `again-${targets.indexOf(t)}.json`);
    expectOk(`backup of ${t.name}`, plenary(t.env, "backup", again));
    sameTables(file, again, `from ${t.name}`);
    const restored = await serve(t.env);
    await expectStatusOpens(restored.base, link, `after a restore into ${t.name}`);
    await restored.stop();
  }
  console.error(`check-backup: ok (${targets.map((t) => t.name).join(", ")})`);
}

try {
  await main();
} finally {
  for (const c of cleanups) await c().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
