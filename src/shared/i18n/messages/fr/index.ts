/**
 * The French catalogue: partial. What it does not translate is shown in English, string by
 * string (and reported once); an area without a file here is English throughout.
 */
import type { UnionToIntersection } from "../../catalogue.js";
import type { AREAS as EN } from "../en/index.js";
import common from "./common.js";
import layout from "./layout.js";

export const AREAS = {
  common,
  layout,
} satisfies Partial<Record<keyof typeof EN, unknown>>;

export default Object.assign({}, ...Object.values(AREAS)) as UnionToIntersection<(typeof AREAS)[keyof typeof AREAS]>;
