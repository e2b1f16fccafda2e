// Every demo programme's schedule outputs against the c3voc schemas (../shared/formats):
// schedule.xml with `xmllint --noout --schema` (Debian's libxml2-utils), schedule.json against
// schema.json and schedule-v2.json against schema2.json with ajv. The compiled server starts on
// a fresh data folder, seeds the demo, and serves them exactly as an app would read them.
// Run by .ci/run after a build.
//
//   node scripts/check-schedules.mjs
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const formats = join(root, "..", "shared", "formats");
const work = mkdtempSync(join(tmpdir(), "plenary-check-schedules-"));
const addFormats = addFormatsModule.default ?? addFormatsModule;

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
// The embedded database, whatever the environment names.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const server = spawn(process.execPath, [join(root, "dist", "src", "cli", "run.js"), "serve"], {
  env: { ...inherited, PORT: String(port), HOST: "127.0.0.1", PLENARY_DATA_DIR: join(work, "data"), PLENARY_URL: base, LOG_LEVEL: "warn" },
  stdio: ["ignore", "ignore", "inherit"],
});
let failures = 0;
try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (i > 900) throw new Error("the server was not ready within 90 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  addFormats(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{3,8}$/);
  const v1 = ajv.compile(JSON.parse(readFileSync(join(formats, "schedule.schema.json"), "utf8")));
  const v2 = ajv.compile(JSON.parse(readFileSync(join(formats, "schedule2.schema.json"), "utf8")));
  const { events } = await (await fetch(`${base}/api/v1/events?limit=100`)).json();
  let checked = 0;
  for (const e of events) {
    const api = `${base}/api/v1/communities/${e.communitySlug}/events/${e.slug}`;
    const xml = await fetch(`${api}/schedule.xml`);
    if (xml.status === 404) continue;
    const file = join(work, `${e.slug}.xml`);
    writeFileSync(file, await xml.text());
    const lint = spawnSync("xmllint", ["--noout", "--schema", join(formats, "schedule.xml.xsd"), file], { encoding: "utf8" });
    if (lint.status !== 0) {
      failures++;
      console.error(`${e.slug}/schedule.xml is not valid:\n${lint.stderr}`);
    }
    for (const [path, validate] of [["schedule.json", v1], ["schedule-v2.json", v2]]) {
      const doc = await (await fetch(`${api}/${path}`)).json();
      if (!validate(doc)) {
        failures++;
        console.error(`${e.slug}/${path} is not valid:\n${JSON.stringify(validate.errors.slice(0, 10), null, 1)}`);
      }
    }
    console.log(`check-schedules: ${e.slug}: schedule.xml, schedule.json, schedule-v2.json checked`);
    checked++;
  }
  if (!checked) throw new Error("no demo event has a published programme");
  console.log(`check-schedules: ${checked} passed, ${failures} failed`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  rmSync(work, { recursive: true, force: true });
}
if (failures) process.exit(1);
