/**
 * What the timetable benchmark runs: `plenary solve timetable` as a whole process without the
 * rest of the CLI, so that it can run from dist/ or under tsx before a full build exists.
 */
import { main } from "../src/cli/solve-timetable.js";

process.exitCode = await main(process.argv.slice(2));
