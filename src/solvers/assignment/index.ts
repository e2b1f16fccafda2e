export { decodeJson, PackedRows, JsonSyntaxError } from "./json.js";
export { parseAssignmentInstance, AssignmentInputError, MAX_DENSE_PAIRS } from "./parse.js";
export { solveAssignment } from "./solve.js";
export type * from "./types.js";
