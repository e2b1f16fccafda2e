/** `plenary solve timetable`: the unconference timetable solver as a command-line tool. */
import { parseTimetableInstance, solveTimetable, type TimetableInstance, type TimetableResult } from "../solvers/timetable/index.js";
import { runSolveCommand, type SolveIo } from "./solve-io.js";

const usage = `Input: JSON with slots, areas, topics, interest and optionally previous and moveCost
(see docs for the format). --seed makes runs reproducible; the default time limit is 10 s.
`;

export async function main(argv: string[], io?: Partial<SolveIo>): Promise<number> {
  return runSolveCommand<TimetableInstance, TimetableResult>(argv, {
    name: "timetable",
    usage,
    parse: parseTimetableInstance,
    solve: (instance, opts) =>
      solveTimetable(instance, {
        seed: opts.seed,
        timeLimitMs: opts.timeLimitMs,
        onProgress: (p) => opts.onProgress({ fraction: p.fraction, message: `${p.phase}, best cost ${p.bestCost}` }),
      }),
    isInfeasible: (result) => result.status === "infeasible",
    io,
  });
}
