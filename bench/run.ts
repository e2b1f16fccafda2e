/**
 * `npm run bench [-- NAME ...]`: runs the named benchmark sections (all by default) and
 * rewrites just those sections of docs/benchmarks.md, so one section can be re-measured
 * without throwing away the others. Each section module exports `title` and `run()`,
 * returning Markdown; it measures ours and its peer side by side in the same run.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { machineLine } from "./lib.js";

interface Section {
  title: string;
  run(): Promise<string>;
}

const sections: Record<string, () => Promise<Section>> = {
  server: () => import("./server.js"),
  "solvers-assign": () => import("./solvers-assign.js"),
  "solvers-timetable": () => import("./solvers-timetable.js"),
  registration: () => import("./registration.js"),
  road: () => import("./road.js"),
  schedule: () => import("./schedule.js"),
  webhooks: () => import("./webhooks.js"),
  mail: () => import("./mail.js"),
  web: () => import("./web.js"),
  i18n: () => import("./i18n.js"),
};

// npm runs scripts from the package root, whether this runs compiled or under tsx.
const file = "docs/benchmarks.md";
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? wanted : Object.keys(sections);

let doc = existsSync(file)
  ? readFileSync(file, "utf8")
  : "# Benchmarks\n\nWritten by `npm run bench` (or `npm run bench -- SECTION`); each section names its machine, its command and how many runs each figure is the median of; ours and the peers are measured side by side in the same run.\n";

for (const name of names) {
  const load = sections[name];
  if (!load) {
    console.error(`unknown benchmark section '${name}'; known: ${Object.keys(sections).join(", ")}`);
    process.exit(1);
  }
  const mod = await load();
  console.error(`bench: ${name} …`);
  const body = await mod.run();
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  const block = `<!-- bench:${name} -->\n## ${mod.title}\n\nMeasured ${stamp} UTC on ${machineLine()} with \`npm run bench -- ${name}\`.\n\n${body.trim()}\n<!-- /bench:${name} -->`;
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  doc = re.test(doc) ? doc.replace(re, block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}
