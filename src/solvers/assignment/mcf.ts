/**
 * Min-cost flow by successive shortest paths from supply nodes (Ahuja, Magnanti & Orlin,
 * §9.7), with Dijkstra on reduced costs and node potentials, on typed arrays.
 *
 * Why this algorithm: reviewer assignment is a transportation problem whose total flow
 * (reviews to place, at most tens of thousands) is small next to its arc count (millions of
 * eligible pairs). SSP pays one early-stopping Dijkstra per unit of flow, and each search
 * only explores the few proposals and reviewers that compete for the same reviewers, so it is
 * far cheaper than its worst case, needs no tuning, and its optimality certificate is
 * trivially checkable: no residual arc has a negative reduced cost (`minReducedCost`).
 * Cost scaling has the better worst-case bound, but needs tuning (ε schedule, heuristics) to
 * be fast and gives an ε-optimal flow that still has to be rounded to a proof; on the
 * benchmark shapes SSP already solves 2 M pairs in about a second (docs/benchmarks.md).
 *
 * Augmenting from each supply node in turn (rather than from a super-source over all of them)
 * keeps a search local: a super-source would cost one relaxation per proposal per unit. It
 * is still exact because a pseudoflow whose residual reduced costs are all non-negative is
 * optimal for the supplies it has routed so far; and a node that cannot reach the sink never
 * will (every arc leaving its reachable set is saturated and later augmentations never enter it).
 *
 * Costs must be integers (exact in doubles below 2^53), so reduced costs are exact and the
 * certificate needs no epsilon; callers scale float scores to integers. Potentials only ever
 * decrease, and a node that can reach the sink keeps π(v) ≥ π(sink) − (cost of a simple path),
 * so they stay within n·(max |arc cost|) provided every node a search can pop can reach the
 * sink — the caller's network guarantees that (core.ts).
 *
 * Representation: forward arcs in CSR by tail (arcs must be added in tail order). Residual
 * reverse arcs are only those carrying flow, kept per head node in a doubly linked list, so
 * a reviewer with a thousand eligible proposals but three assignments expands three reverse
 * arcs, not a thousand.
 */

export class FlowNetwork {
  readonly first: Int32Array;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly cap: Int32Array;
  readonly flow: Int32Array;
  readonly cost: Float64Array;
  /** Per node, the first arc into it carrying flow (-1: none); linked by nextIn/prevIn. */
  readonly firstIn: Int32Array;
  readonly nextIn: Int32Array;
  readonly prevIn: Int32Array;
  arcs = 0;
  private lastTail = 0;

  constructor(
    readonly nodes: number,
    maxArcs: number,
  ) {
    this.first = new Int32Array(nodes + 1);
    this.tail = new Int32Array(maxArcs);
    this.head = new Int32Array(maxArcs);
    this.cap = new Int32Array(maxArcs);
    this.flow = new Int32Array(maxArcs);
    this.cost = new Float64Array(maxArcs);
    this.firstIn = new Int32Array(nodes).fill(-1);
    this.nextIn = new Int32Array(maxArcs);
    this.prevIn = new Int32Array(maxArcs);
  }

  /** Adds arc u→v; arcs must come in non-decreasing order of u. Returns the arc id. */
  addArc(u: number, v: number, cap: number, cost: number): number {
    if (u < this.lastTail) throw new Error(`arcs must be added in tail order (${u} after ${this.lastTail})`);
    for (let w = this.lastTail + 1; w <= u; w++) this.first[w] = this.arcs;
    this.lastTail = u;
    const e = this.arcs++;
    this.tail[e] = u;
    this.head[e] = v;
    this.cap[e] = cap;
    this.cost[e] = cost;
    return e;
  }

  /** Closes the CSR index; call once after the last addArc. */
  seal(): void {
    for (let w = this.lastTail + 1; w <= this.nodes; w++) this.first[w] = this.arcs;
  }

  push(e: number, amount: number): void {
    const before = this.flow[e]!;
    const after = before + amount;
    this.flow[e] = after;
    if (before === 0 && after > 0) {
      const v = this.head[e]!;
      const h = this.firstIn[v]!;
      this.nextIn[e] = h;
      this.prevIn[e] = -1;
      if (h !== -1) this.prevIn[h] = e;
      this.firstIn[v] = e;
    } else if (before > 0 && after === 0) {
      const n = this.nextIn[e]!;
      const p = this.prevIn[e]!;
      if (p === -1) this.firstIn[this.head[e]!] = n;
      else this.nextIn[p] = n;
      if (n !== -1) this.prevIn[n] = p;
    }
  }
}

/**
 * Feasible initial potentials (shortest distances from the supply side) for a network
 * without flow whose arcs all go from lower to higher node ids, as a bipartite
 * source→middle→sink network does: one pass in id order.
 */
export function dagPotentials(net: FlowNetwork): Float64Array {
  const pi = new Float64Array(net.nodes);
  for (let u = 0; u < net.nodes; u++) {
    const pu = pi[u]!;
    for (let e = net.first[u]!; e < net.first[u + 1]!; e++) {
      const v = net.head[e]!;
      if (v <= u) throw new Error("dagPotentials needs arcs from lower to higher node ids");
      const d = pu + net.cost[e]!;
      if (d < pi[v]!) pi[v] = d;
    }
  }
  return pi;
}

/** The smallest reduced cost over residual arcs; ≥ 0 certifies the flow optimal for its supplies. */
export function minReducedCost(net: FlowNetwork, pi: Float64Array): number {
  let min = Infinity;
  for (let e = 0; e < net.arcs; e++) {
    const rc = net.cost[e]! + pi[net.tail[e]!]! - pi[net.head[e]!]!;
    if (net.flow[e]! < net.cap[e]! && rc < min) min = rc;
    if (net.flow[e]! > 0 && -rc < min) min = -rc;
  }
  return min;
}

export interface SspOptions {
  /** performance.now() value after which to stop, leaving the flow optimal for what was routed. */
  deadline?: number;
  onProgress?: (routed: number, total: number) => void;
}

export interface SspResult {
  /** True if stopped by the deadline. */
  interrupted: boolean;
  /** Units that were routed. */
  routed: number;
  /** Dijkstra searches run (one per augmenting path). */
  searches: number;
}

/**
 * Routes `supply[v]` units from each node v to `sink` at minimum cost, decrementing supply as
 * it goes (left non-zero where no path exists or the deadline hit). `pi` must be feasible
 * potentials for the current flow (reduced costs ≥ 0 on residual arcs) and stays so.
 */
export function successiveShortestPaths(net: FlowNetwork, supply: Int32Array, sink: number, pi: Float64Array, opts: SspOptions = {}): SspResult {
  const n = net.nodes;
  const { first, head, tail, cap, flow, cost, firstIn, nextIn } = net;
  const dist = new Float64Array(n);
  /** Arc into each node on its shortest path: e ≥ 0 forward, ~e for the reverse of e. */
  const parent = new Int32Array(n);
  const seen = new Int32Array(n);
  const done = new Int32Array(n);
  const heap = new Int32Array(n);
  const heapPos = new Int32Array(n);
  const visited = new Int32Array(n);
  let size = 0;
  let stamp = 0;

  const up = (i: number): void => {
    const v = heap[i]!;
    const dv = dist[v]!;
    while (i > 0) {
      const pIdx = (i - 1) >> 1;
      const p = heap[pIdx]!;
      if (dist[p]! <= dv) break;
      heap[i] = p;
      heapPos[p] = i;
      i = pIdx;
    }
    heap[i] = v;
    heapPos[v] = i;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    if (size > 0) {
      const dl = dist[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && dist[heap[c + 1]!]! < dist[heap[c]!]!) c++;
        if (dist[heap[c]!]! >= dl) break;
        heap[i] = heap[c]!;
        heapPos[heap[i]!] = i;
        i = c;
      }
      heap[i] = last;
      heapPos[last] = i;
    }
    return top;
  };
  const relax = (v: number, d: number, arc: number): void => {
    if (done[v] === stamp) return;
    if (seen[v] !== stamp) {
      seen[v] = stamp;
      dist[v] = d;
      parent[v] = arc;
      heap[size] = v;
      up(size++);
    } else if (d < dist[v]!) {
      dist[v] = d;
      parent[v] = arc;
      up(heapPos[v]!);
    }
  };

  let total = 0;
  for (let v = 0; v < n; v++) total += supply[v]!;
  let routed = 0;
  let searches = 0;
  for (let s = 0; s < n; s++) {
    while (supply[s]! > 0) {
      if (opts.deadline !== undefined && performance.now() > opts.deadline) return { interrupted: true, routed, searches };
      if (opts.onProgress && (searches & 1023) === 0) opts.onProgress(routed, total);
      searches++;
      stamp++;
      size = 0;
      let nVisited = 0;
      relax(s, 0, -1);
      let reached = false;
      while (size > 0) {
        const u = pop();
        done[u] = stamp;
        visited[nVisited++] = u;
        if (u === sink) {
          reached = true;
          break;
        }
        const du = dist[u]! + pi[u]!;
        for (let e = first[u]!; e < first[u + 1]!; e++) {
          if (flow[e]! < cap[e]!) {
            const v = head[e]!;
            relax(v, du + cost[e]! - pi[v]!, e);
          }
        }
        for (let e = firstIn[u]!; e !== -1; e = nextIn[e]!) {
          const v = tail[e]!;
          relax(v, du - cost[e]! - pi[v]!, ~e);
        }
      }
      if (!reached) break;
      const dt = dist[sink]!;
      for (let i = 0; i < nVisited; i++) {
        const v = visited[i]!;
        pi[v] = pi[v]! + dist[v]! - dt;
      }
      let amount = supply[s]!;
      for (let v = sink; v !== s; ) {
        const a = parent[v]!;
        amount = Math.min(amount, a >= 0 ? cap[a]! - flow[a]! : flow[~a]!);
        v = a >= 0 ? tail[a]! : head[~a]!;
      }
      for (let v = sink; v !== s; ) {
        const a = parent[v]!;
        if (a >= 0) {
          net.push(a, amount);
          v = tail[a]!;
        } else {
          net.push(~a, -amount);
          v = head[~a]!;
        }
      }
      supply[s] = supply[s]! - amount;
      routed += amount;
    }
  }
  return { interrupted: false, routed, searches };
}
