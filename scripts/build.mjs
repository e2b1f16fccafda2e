// Builds the server (tsc → dist/) and the web app (vite → dist/web, then precompressed) when
// a source is newer than the last build; `npm start` calls this so a fresh clone needs no
// separate build step.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { precompress } from "./precompress.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = join(root, "dist", ".build-stamp");
const inputs = ["src", "bench", "drizzle", "index.html", "vite.config.ts", "tsconfig.json", "tsconfig.build.json", "package-lock.json", "scripts/build.mjs", "scripts/precompress.mjs"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/**
 * Runs a build tool as a child and waits for it. A SIGTERM or SIGINT meanwhile stops the
 * tool too and exits, so stopping `npm start` during a first build leaves no process behind.
 */
function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: root, stdio: "inherit" });
    const forward = (signal) => {
      child.kill(signal);
      process.exit(130);
    };
    process.once("SIGTERM", forward);
    process.once("SIGINT", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGTERM", forward);
      process.off("SIGINT", forward);
      if (code === 0) resolve();
      else reject(new Error(`${bin} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export async function buildIfNeeded({ force = false, quiet = false } = {}) {
  const stamp = String(Math.max(...inputs.map((p) => newest(join(root, p)))));
  if (!force && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return false;
  const log = (m) => quiet || console.error(m);
  const bin = (name) => join(root, "node_modules", ".bin", name);
  log("plenary: building the server …");
  await run(bin("tsc"), ["-p", "tsconfig.build.json"]);
  log("plenary: building the web app …");
  await run(bin("vite"), ["build", "--logLevel", "warn"]);
  precompress(join(root, "dist", "web"));
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(stampFile, stamp);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildIfNeeded({ force: process.argv.includes("--force") });
