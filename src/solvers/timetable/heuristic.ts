import { ownCost } from "./cost.js";
import { weight, type Model } from "./model.js";

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A timetable with the bookkeeping that makes a move's cost change cheap: `clash[t * S + s]` is the
 * co-interest weight between t and the placed topics occupying slot s, so a one-slot topic's clash
 * cost at any position is one lookup, and placing a topic touches only its co-interest neighbours.
 */
export class Timetable {
  readonly at: Int32Array;
  readonly cell: Int32Array;
  readonly leaderBusy: Int32Array;
  readonly clash: Float64Array;
  cost = 0;

  constructor(readonly m: Model) {
    this.at = new Int32Array(m.T).fill(-1);
    this.cell = new Int32Array(m.A * m.S).fill(-1);
    this.leaderBusy = new Int32Array(m.leaderNames.length * m.S);
    this.clash = new Float64Array(m.T * m.S);
    for (let t = 0; t < m.T; t++) this.cost += ownCost(m, t, -1);
  }

  /** Clash cost of t at p against the other placed topics (t itself is never its own neighbour). */
  clashCost(t: number, p: number): number {
    const { m } = this;
    const s = p % m.S;
    const L = m.len[t]!;
    if (L === 1) return this.clash[t * m.S + s]!;
    // A longer topic meets a neighbour once however many slots they share, so sum per neighbour.
    let c = 0;
    for (let k = m.nbrStart[t]!; k < m.nbrStart[t + 1]!; k++) {
      const q = this.at[m.nbr[k]!]!;
      if (q < 0) continue;
      const r = q % m.S;
      if (r < s + L && s < r + m.len[m.nbr[k]!]!) c += m.nbrW[k]!;
    }
    return c;
  }

  /** Whether t can go to p with everything else where it is; t's own current place does not block. */
  fits(t: number, p: number): boolean {
    const { m } = this;
    const a = Math.floor(p / m.S);
    const s = p % m.S;
    const L = m.len[t]!;
    if (!m.canStart[(t * m.A + a) * m.S + s]) return false;
    const cur = this.at[t]!;
    const cs = cur < 0 ? -1 : cur % m.S;
    for (let k = s; k < s + L; k++) {
      const c = this.cell[a * m.S + k]!;
      if (c >= 0 && c !== t) return false;
      const own = cur >= 0 && k >= cs && k < cs + L ? 1 : 0;
      for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) {
        if (this.leaderBusy[m.leaders[i]! * m.S + k]! - own > 0) return false;
      }
    }
    return true;
  }

  private leadersFree(t: number, s: number, ownSlot: number): boolean {
    const { m } = this;
    const own = s === ownSlot ? 1 : 0;
    for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) if (this.leaderBusy[m.leaders[i]! * m.S + s]! - own > 0) return false;
    return true;
  }

  private shareLeader(t: number, u: number): boolean {
    const { m } = this;
    for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) {
      for (let j = m.leaderStart[u]!; j < m.leaderStart[u + 1]!; j++) if (m.leaders[i] === m.leaders[j]) return true;
    }
    return false;
  }

  /**
   * t (one slot long) takes p from u (one slot long, not sharing a leader with t): u either takes
   * t's old place (swap) or drops out (eject). Returns the cheaper legal variant's cost change without
   * touching any state, or undefined when neither is legal; `swap` says which one it priced.
   */
  exchange(t: number, u: number, p: number): { delta: number; swap: boolean } | undefined {
    const { m } = this;
    const S = m.S;
    const cur = this.at[t]!;
    const sp = p % S;
    const cs = cur < 0 ? -1 : cur % S;
    if (!m.canStart[(t * m.A + Math.floor(p / S)) * S + sp] || !this.leadersFree(t, sp, cs)) return undefined;
    const w = weight(m, t, u);
    const same = cs === sp ? w : 0;
    const before = (cur < 0 ? ownCost(m, t, -1) : ownCost(m, t, cur) + this.clash[t * S + cs]!) + ownCost(m, u, p) + this.clash[u * S + sp]! - same;
    const tThere = ownCost(m, t, p) + this.clash[t * S + sp]! - w;
    const eject = tThere + ownCost(m, u, -1) - before;
    if (cur >= 0 && m.canStart[(u * m.A + Math.floor(cur / S)) * S + cs] && this.leadersFree(u, cs, sp)) {
      const swap = tThere + ownCost(m, u, cur) + this.clash[u * S + cs]! - w + same - before;
      if (swap <= eject) return { delta: swap, swap: true };
    }
    return { delta: eject, swap: false };
  }

  fastExchange(t: number, u: number): boolean {
    return this.m.len[t] === 1 && this.m.len[u] === 1 && !this.shareLeader(t, u);
  }

  /** Cost of t where it is (or would be at p), relative to it being absent. */
  contribution(t: number, p: number): number {
    return p < 0 ? ownCost(this.m, t, -1) : ownCost(this.m, t, p) + this.clashCost(t, p);
  }

  private mark(t: number, p: number, sign: 1 | -1): void {
    const { m } = this;
    const a = Math.floor(p / m.S);
    const s = p % m.S;
    const L = m.len[t]!;
    for (let k = s; k < s + L; k++) {
      this.cell[a * m.S + k] = sign > 0 ? t : -1;
      for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) this.leaderBusy[m.leaders[i]! * m.S + k]! += sign;
    }
    for (let k = m.nbrStart[t]!; k < m.nbrStart[t + 1]!; k++) {
      const base = m.nbr[k]! * m.S;
      const w = sign * m.nbrW[k]!;
      for (let j = s; j < s + L; j++) this.clash[base + j]! += w;
    }
  }

  place(t: number, p: number): void {
    this.cost += this.contribution(t, p) - ownCost(this.m, t, -1);
    this.at[t] = p;
    this.mark(t, p, 1);
  }

  remove(t: number): void {
    const p = this.at[t]!;
    this.mark(t, p, -1);
    this.at[t] = -1;
    this.cost -= this.contribution(t, p) - ownCost(this.m, t, -1);
  }

  /** Cheapest position that fits, or −1 when leaving t out is at least as cheap. */
  bestPosition(t: number): number {
    const { m } = this;
    let best = -1;
    let bestCost = this.contribution(t, -1);
    for (let k = m.posStart[t]!; k < m.posStart[t + 1]!; k++) {
      const p = m.pos[k]!;
      if (!this.fits(t, p)) continue;
      const c = this.contribution(t, p);
      if (c < bestCost) {
        best = p;
        bestCost = c;
      }
    }
    return best;
  }
}

const EPS = 1e-9;

export function fromAssignment(m: Model, at: Int32Array): Timetable {
  const tt = new Timetable(m);
  for (let t = 0; t < m.T; t++) if (at[t]! >= 0) tt.place(t, at[t]!);
  return tt;
}

/** Topics that the search may move: not pinned, not dropped for a pin conflict, with somewhere to go. */
export function movableTopics(m: Model): Int32Array {
  return Int32Array.from([...Array(m.T).keys()].filter((t) => m.pin[t]! < 0 && !m.pinRejected.has(t) && m.posStart[t + 1]! > m.posStart[t]!));
}

/**
 * Steepest descent over each topic's best relocation or exchange, until none improves (or the
 * deadline passes). Without
 * `focus` this polishes the annealed timetable. Re-planning passes a focus on the topics that are
 * not where they were published (new ones, dropped ones, displaced ones), so a change is fitted in
 * by a short chain of exchanges rather than by reshuffling the whole timetable for small gains.
 */
export function descend(tt: Timetable, focus?: (t: number) => boolean, deadline = Infinity): void {
  const { m } = tt;
  const movable = movableTopics(m);
  for (let pass = 0, changed = true; changed && pass < 20; pass++) {
    changed = false;
    for (const [i, t] of movable.entries()) {
      // Every step keeps the timetable legal, so stopping at the deadline is safe; the clock is read every 32 topics.
      if (i % 32 === 0 && Date.now() >= deadline) return;
      if (focus && !focus(t)) continue;
      const cur = tt.at[t]!;
      const p = tt.bestPosition(t);
      let delta = tt.contribution(t, p) - tt.contribution(t, cur);
      let swapWith = -1;
      let swapTo = -1;
      let swap = false;
      for (let k = m.posStart[t]!; k < m.posStart[t + 1]!; k++) {
        const q = m.pos[k]!;
        const u = tt.cell[q]!;
        if (u < 0 || u === t || m.pin[u]! >= 0 || !tt.fastExchange(t, u)) continue;
        const x = tt.exchange(t, u, q);
        if (x && x.delta < delta) {
          delta = x.delta;
          swapWith = u;
          swapTo = q;
          swap = x.swap;
        }
      }
      if (delta >= -EPS) continue;
      changed = true;
      if (swapWith >= 0) tt.remove(swapWith);
      if (cur >= 0) tt.remove(t);
      if (swapWith < 0) {
        if (p >= 0) tt.place(t, p);
        continue;
      }
      tt.place(t, swapTo);
      if (swap) tt.place(swapWith, cur);
    }
  }
}

/**
 * Pins first, then the previous timetable wherever it still fits (that is the repair that keeps
 * re-planning stable), then the rest greedily, most wanted topics first.
 */
export function construct(m: Model): Timetable {
  const tt = new Timetable(m);
  for (let t = 0; t < m.T; t++) if (m.pin[t]! >= 0) tt.place(t, m.pin[t]!);
  const movable = movableTopics(m);
  for (const t of movable) if (m.prev[t]! >= 0 && tt.fits(t, m.prev[t]!)) tt.place(t, m.prev[t]!);
  const rest = [...movable].filter((t) => tt.at[t]! < 0);
  rest.sort((a, b) => m.unplacedCost[b]! * m.len[b]! - m.unplacedCost[a]! * m.len[a]! || a - b);
  for (const t of rest) {
    const p = tt.bestPosition(t);
    if (p >= 0) tt.place(t, p);
  }
  return tt;
}

export interface AnnealOptions {
  seed: number;
  iterations: number;
  startTemperature: number;
  endTemperature: number;
  deadline: number;
  signal?: AbortSignal;
  onChunk?: (done: number, bestCost: number) => void;
}

const CHUNK = 16384;

/**
 * Simulated annealing over three moves: relocate a topic to a free position (this also places an
 * unplaced one), move it onto a position held by one other topic which then takes its old place or
 * drops out, and drop a topic. Returns the best timetable seen, so stopping early is always safe.
 */
export async function anneal(tt: Timetable, o: AnnealOptions): Promise<{ best: Int32Array; bestCost: number; iterations: number }> {
  const { m } = tt;
  const random = rng(o.seed);
  const movable = movableTopics(m);
  let best = tt.at.slice();
  let bestCost = tt.cost;
  if (movable.length === 0) return { best, bestCost, iterations: 0 };
  const cool = Math.pow(o.endTemperature / o.startTemperature, 1 / Math.max(1, o.iterations));
  let temp = o.startTemperature;
  const accept = (delta: number) => delta <= EPS || random() < Math.exp(-delta / temp);

  /** Moves t onto p, which u holds; u takes t's old place or drops out. */
  const exchange = (t: number, u: number, p: number): void => {
    const cur = tt.at[t]!;
    if (tt.fastExchange(t, u)) {
      const x = tt.exchange(t, u, p);
      if (!x || !accept(x.delta)) return;
      tt.remove(u);
      if (cur >= 0) tt.remove(t);
      tt.place(t, p);
      if (x.swap) tt.place(u, cur);
      return;
    }
    // Longer topics or a shared leader: apply, price, and undo if rejected.
    const uAt = tt.at[u]!;
    const before = tt.cost;
    tt.remove(u);
    if (cur >= 0) tt.remove(t);
    const fits = tt.fits(t, p);
    if (fits) {
      tt.place(t, p);
      if (cur >= 0 && tt.fits(u, cur)) tt.place(u, cur);
      if (accept(tt.cost - before)) return;
      if (tt.at[u]! >= 0) tt.remove(u);
      tt.remove(t);
    }
    if (cur >= 0) tt.place(t, cur);
    tt.place(u, uAt);
  };

  const step = (t: number): void => {
    const cur = tt.at[t]!;
    if (random() < 0.02) {
      if (cur >= 0 && accept(ownCost(m, t, -1) - tt.contribution(t, cur))) tt.remove(t);
      return;
    }
    const lo = m.posStart[t]!;
    const p = m.pos[lo + Math.floor(random() * (m.posStart[t + 1]! - lo))]!;
    if (p === cur) return;
    if (tt.fits(t, p)) {
      if (!accept(tt.contribution(t, p) - tt.contribution(t, cur))) return;
      if (cur >= 0) tt.remove(t);
      tt.place(t, p);
      return;
    }
    const u = tt.cell[p]!;
    if (u >= 0 && u !== t && m.pin[u]! < 0) exchange(t, u, p);
  };

  let it = 0;
  for (; it < o.iterations; it++, temp *= cool) {
    if (it % CHUNK === 0 && it > 0) {
      o.onChunk?.(it, bestCost);
      if (Date.now() >= o.deadline || o.signal?.aborted) break;
      await new Promise((r) => setImmediate(r));
    }
    step(movable[Math.floor(random() * movable.length)]!);
    if (tt.cost < bestCost - EPS) {
      bestCost = tt.cost;
      best = tt.at.slice();
    }
  }
  return { best, bestCost, iterations: it };
}
