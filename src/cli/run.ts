import { ConfigError } from "../server/platform/config.js";
import { main } from "./index.js";

/** The `plenary` executable: the exit code is main's, except for a server that keeps running. */
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exitCode = 1;
  },
);
