// `npm start`: build if a source changed, then serve (the demo is seeded on an empty data dir).
// package.json runs this with `exec` so that npm's shell is replaced by this process and a
// SIGTERM or SIGINT sent to npm reaches the server (dash forwards none to its child), and
// with --liftoff-only: on two cores, optimising PGlite's WebAssembly cost more than it
// returned (ready 0.69 s instead of 0.87 s, 320 MiB instead of 370 MiB).
import { buildIfNeeded } from "./build.mjs";

await buildIfNeeded();
const { main } = await import("../dist/src/cli/index.js");
await main(["serve", ...process.argv.slice(2)]);
