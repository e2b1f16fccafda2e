#!/usr/bin/env node
// `npm run mutation [-- FILES]`: Stryker over every group of stryker.config.mjs, or over the
// groups that hold the files named (only those files are mutated). Scores: reports/mutation/.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { groups } from "../stryker.config.mjs";

const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const unknown = files.filter((f) => !Object.values(groups).some((g) => g.mutate.includes(f)));
if (unknown.length) {
  console.error(`not in any group of stryker.config.mjs: ${unknown.join(", ")}`);
  process.exit(2);
}

let failed = false;
for (const [name, group] of Object.entries(groups)) {
  const mutate = files.length ? group.mutate.filter((f) => files.includes(f)) : group.mutate;
  if (mutate.length === 0) continue;
  console.log(`\n== mutation: ${name} (${mutate.join(", ")}) ==`);
  const env = {
    ...process.env,
    MUTATION_GROUP: name,
    MUTATION_FILES: mutate.join(","),
    MUTATION_TESTS: group.tests.join(","),
    // Stryker runs the tests in a copy of the repository inside it, where `../shared` (the
    // c3voc schemas some tests validate against) is not beside it any more.
    PLENARY_SHARED_DIR: process.env.PLENARY_SHARED_DIR ?? resolve(import.meta.dirname, "../../shared"),
  };
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", ...flags], { stdio: "inherit", env });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
