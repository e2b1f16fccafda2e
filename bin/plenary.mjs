#!/usr/bin/env node
// The `plenary` CLI: builds on first use (like npm start), then runs the compiled command.
import { buildIfNeeded } from "../scripts/build.mjs";

buildIfNeeded({ quiet: true });
await import("../dist/src/cli/run.js");
