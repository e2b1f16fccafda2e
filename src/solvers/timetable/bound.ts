import { ownCost } from "./cost.js";
import type { Model } from "./model.js";

/**
 * Each topic pays at least its cheapest option ignoring everyone else; on top of that, when the
 * topics that would rather be placed need more area-slots than exist, some of them must drop out,
 * and the cheapest way to free the cells (fractionally, so it stays a relaxation) is added.
 */
export function capacityBound(m: Model): number {
  let bound = 0;
  let cells = m.A * m.S;
  const droppable: { extra: number; len: number }[] = [];
  for (let t = 0; t < m.T; t++) {
    const out = ownCost(m, t, -1);
    if (m.pinRejected.has(t)) {
      bound += out;
      continue;
    }
    if (m.pin[t]! >= 0) {
      bound += ownCost(m, t, m.pin[t]!);
      cells -= m.len[t]!;
      continue;
    }
    let placed = Infinity;
    for (let k = m.posStart[t]!; k < m.posStart[t + 1]!; k++) placed = Math.min(placed, ownCost(m, t, m.pos[k]!));
    bound += Math.min(out, placed);
    if (placed < out) droppable.push({ extra: out - placed, len: m.len[t]! });
  }
  let excess = droppable.reduce((n, d) => n + d.len, 0) - cells;
  droppable.sort((a, b) => a.extra / a.len - b.extra / b.len);
  for (const d of droppable) {
    if (excess <= 0) break;
    const take = Math.min(excess, d.len);
    bound += (d.extra * take) / d.len;
    excess -= take;
  }
  return bound;
}

/**
 * Lagrangian relaxation of area capacity: forget when topics run, keep only that area a holds at
 * most S slot-lengths of topics, and price that capacity at λ(a) ≥ 0. Each topic then independently
 * takes its cheapest option (leave out, or its cheapest position in area a plus len × λ(a)), and
 * L(λ) = Σ those − Σ λ(a) × capacity(a) is a lower bound for every λ ≥ 0 (weak duality). Projected
 * subgradient steps with Polyak's rule, aimed at the known upper value, push L towards its maximum;
 * the best L seen is returned. A fixed step count keeps the bound reproducible.
 */
export function lagrangianBound(m: Model, upper: number, steps: number): number {
  const { A, S, T } = m;
  const capacity = new Float64Array(A).fill(S);
  const cheapest = new Float64Array(T * A).fill(Infinity);
  const free: number[] = [];
  let fixed = 0;
  for (let t = 0; t < T; t++) {
    if (m.pinRejected.has(t) || m.pin[t]! >= 0) {
      fixed += ownCost(m, t, m.pin[t]!);
      if (m.pin[t]! >= 0) capacity[Math.floor(m.pin[t]! / S)]! -= m.len[t]!;
      continue;
    }
    free.push(t);
    for (let k = m.posStart[t]!; k < m.posStart[t + 1]!; k++) {
      const i = t * A + Math.floor(m.pos[k]! / S);
      cheapest[i] = Math.min(cheapest[i]!, ownCost(m, t, m.pos[k]!));
    }
  }
  const price = new Float64Array(A);
  const used = new Float64Array(A);
  let best = -Infinity;
  let theta = 2;
  let stale = 0;
  for (let step = 0; step < steps; step++) {
    used.fill(0);
    let value = fixed;
    for (const t of free) {
      let cost = ownCost(m, t, -1);
      let area = -1;
      for (let a = 0; a < A; a++) {
        const c = cheapest[t * A + a]! + m.len[t]! * price[a]!;
        if (c < cost) {
          cost = c;
          area = a;
        }
      }
      value += cost;
      if (area >= 0) used[area]! += m.len[t]!;
    }
    let norm = 0;
    for (let a = 0; a < A; a++) {
      value -= price[a]! * capacity[a]!;
      // Projected: a free area's price is already zero and cannot fall further.
      const g = price[a]! > 0 || used[a]! > capacity[a]! ? used[a]! - capacity[a]! : 0;
      used[a] = g;
      norm += g * g;
    }
    if (value > best + 1e-9) {
      best = value;
      stale = 0;
    } else if (++stale >= 20) {
      theta /= 2;
      stale = 0;
    }
    if (norm === 0 || upper - value <= 1e-9 || theta < 1e-4) break;
    const size = (theta * (upper - value)) / norm;
    for (let a = 0; a < A; a++) price[a] = Math.max(0, price[a]! + size * used[a]!);
  }
  return best;
}

/**
 * Every cost is a sum of whole persons, capacities' fractions and multiples of moveCost, so a bound
 * can be raised to the next reachable value. Only done when that lattice is simple to name.
 */
export function roundUp(m: Model, bound: number): number {
  const safe = bound - 1e-6;
  if (!m.instance.areas.every((a) => Number.isInteger(a.capacity))) return safe;
  for (let k = 1; k <= 64; k++) {
    if (Math.abs(m.moveCost * k - Math.round(m.moveCost * k)) < 1e-9) return Math.max(0, Math.ceil(safe * k) / k);
  }
  return safe;
}
