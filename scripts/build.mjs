// Builds the server (tsc → dist/) and the web app (vite → dist/web) when a source is newer
// than the last build; `npm start` calls this so a fresh clone needs no separate build step.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = join(root, "dist", ".build-stamp");
const inputs = ["src", "bench", "drizzle", "index.html", "vite.config.ts", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function buildIfNeeded({ force = false, quiet = false } = {}) {
  const stamp = String(Math.max(...inputs.map((p) => newest(join(root, p)))));
  if (!force && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return false;
  const log = (m) => quiet || console.error(m);
  const bin = (name) => join(root, "node_modules", ".bin", name);
  log("plenary: building the server …");
  execFileSync(bin("tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  log("plenary: building the web app …");
  execFileSync(bin("vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(stampFile, stamp);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded({ force: process.argv.includes("--force") });
