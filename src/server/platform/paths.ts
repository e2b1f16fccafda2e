import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root, found by walking up from this file: the same code runs from `src/`
 * under vitest/tsx and from `dist/src/` once built, and both need `drizzle/` and `dist/web`.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "drizzle"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the Plenary package root (no package.json with drizzle/ above this file)");
    dir = up;
  }
}

export const repoRoot = findRoot();
export const migrationsDir = join(repoRoot, "drizzle");
export const webDistDir = join(repoRoot, "dist", "web");
