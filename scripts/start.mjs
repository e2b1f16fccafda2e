// `npm start`: build if a source changed, then serve (the demo is seeded on an empty data dir).
import { buildIfNeeded } from "./build.mjs";

buildIfNeeded();
const { main } = await import("../dist/src/cli/index.js");
await main(["serve", ...process.argv.slice(2)]);
