/** `plenary solve assign`: optimal reviewer assignment (format: shared/formats/solver-io.md). */
import { decodeJson, parseAssignmentInstance, solveAssignment } from "../solvers/assignment/index.js";
import { runSolveCommand } from "./solve-io.js";
import type { SolveIo } from "./solve-io.js";

const usage = `
Reads a reviewer-assignment instance (JSON) and writes the assignment maximising total affinity
with exactly reviewsPerProposal reviewers per proposal and every reviewer within their load.
Optional input fields: "balance": {"perExtraLoad": X} spreads load (the j-th review of a reviewer
costs X·(j−1)); "objective": "fair" first maximises the worst assigned pair's affinity.
Exit status: 0 solved, 1 input invalid, 2 infeasible (short proposals listed with reasons).
`;

export function main(argv: string[], io?: Partial<SolveIo>): Promise<number> {
  return runSolveCommand(argv, {
    name: "assign",
    usage,
    decode: decodeJson,
    parse: parseAssignmentInstance,
    solve: (instance, { timeLimitMs, onProgress }) => solveAssignment(instance, { timeLimitMs, onProgress }),
    isInfeasible: (result) => result.status === "infeasible",
    io,
  });
}
