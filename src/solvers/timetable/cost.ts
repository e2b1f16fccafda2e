import { overlaps, type Model } from "./model.js";
import type { CostBreakdown } from "./types.js";

/** Cost of topic t at position p (−1 = unplaced) that does not depend on other topics. */
export function ownCost(model: Model, t: number, p: number): number {
  const prev = model.prev[t]!;
  // A published topic that is dropped counts as moved as well: its audience loses it twice over.
  const move = prev >= 0 && p !== prev ? model.moveCost : 0;
  if (p < 0) return model.unplacedCost[t]! + move;
  return model.overflow[t * model.A + Math.floor(p / model.S)]! + move;
}

/** Full recomputation, used to check the incremental bookkeeping and to report the result. */
export function evaluate(model: Model, at: Int32Array): { cost: number; breakdown: CostBreakdown } {
  const b: CostBreakdown = { clashes: 0, overflow: 0, unplaced: 0, moves: 0 };
  for (let t = 0; t < model.T; t++) {
    const p = at[t]!;
    const prev = model.prev[t]!;
    if (prev >= 0 && p !== prev) b.moves += model.moveCost;
    if (p < 0) {
      b.unplaced += model.unplacedCost[t]!;
      continue;
    }
    b.overflow += model.overflow[t * model.A + Math.floor(p / model.S)]!;
    for (let k = model.nbrStart[t]!; k < model.nbrStart[t + 1]!; k++) {
      const u = model.nbr[k]!;
      if (u > t && at[u]! >= 0 && overlaps(model, t, p, u, at[u]!)) b.clashes += model.nbrW[k]!;
    }
  }
  return { cost: b.clashes + b.overflow + b.unplaced + b.moves, breakdown: b };
}
