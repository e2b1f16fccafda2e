#!/usr/bin/env node
// `npm run mutation [-- FILES]`: Stryker over every group of stryker.config.mjs, or over the
// groups that hold the files named (only those files are mutated). Scores: reports/mutation/.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { relative, resolve } from "node:path";
import { groups } from "../stryker.config.mjs";

const root = resolve(import.meta.dirname, "..");
const started = Date.now();

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
  const report = resolve(root, `reports/mutation/${name}.json`);
  // Written after every group, so an interrupted run keeps what it measured.
  if (run.status === 0 && existsSync(report)) writeDoc(scoresOf(JSON.parse(readFileSync(report, "utf8")), mutate));
}
process.exit(failed ? 1 : 0);

/** Per mutated file: killed (timeouts count as killed), survived, not covered, score. */
function scoresOf(report, mutate) {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const path = relative(root, resolve(root, file));
      const n = (...states) => mutants.filter((m) => states.includes(m.status)).length;
      const killed = n("Killed", "Timeout");
      const survived = n("Survived");
      const noCoverage = n("NoCoverage");
      const total = killed + survived + noCoverage;
      return { path, killed, survived, noCoverage, score: total ? (100 * killed) / total : 100 };
    })
    .filter((r) => mutate.includes(r.path));
}

/**
 * Rewrites the generated table of docs/mutation.md: rows of the files run now replace theirs,
 * the others stay as they were last measured (reports/ is not committed).
 */
function writeDoc(fresh) {
  const doc = resolve(root, "docs/mutation.md");
  const text = readFileSync(doc, "utf8");
  const [begin, end] = ["<!-- mutation:scores -->", "<!-- /mutation:scores -->"];
  const old = text.slice(text.indexOf(begin), text.indexOf(end));
  const rows = new Map(
    [...old.matchAll(/^\| `([^`]+)` \|.*$/gm)].map((m) => [m[1], m[0]]),
  );
  const stryker = JSON.parse(readFileSync(resolve(root, "node_modules/@stryker-mutator/core/package.json"), "utf8")).version;
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  for (const r of fresh) {
    rows.set(r.path, `| \`${r.path}\` | ${r.score.toFixed(1)} % | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.score >= 85 ? "yes" : "**no**"} | ${when} |`);
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const block = [
    begin,
    `Last written ${when} UTC by \`npm run mutation${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (${minutes} min) on ${machine}, StrykerJS ${stryker} with the Vitest runner.`,
    "",
    "| module | score | killed | survived | not covered | ≥ 85 % | measured (UTC) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...[...rows.keys()].sort().map((k) => rows.get(k)),
    "",
  ].join("\n");
  writeFileSync(doc, text.slice(0, text.indexOf(begin)) + block + text.slice(text.indexOf(end)));
}
