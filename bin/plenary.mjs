#!/usr/bin/env -S node --liftoff-only
// The `plenary` CLI: builds on first use (like npm start), then runs the compiled command.
// --liftoff-only: V8's optimising tier spends longer compiling PGlite's large WebAssembly
// build than a start-up or a CLI command runs; measured in docs/benchmarks.md (server).
import { buildIfNeeded } from "../scripts/build.mjs";

await buildIfNeeded({ quiet: true });
await import("../dist/src/cli/run.js");
