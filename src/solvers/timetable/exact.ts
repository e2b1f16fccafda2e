import { ownCost } from "./cost.js";
import { Timetable } from "./heuristic.js";
import type { Model } from "./model.js";

import type { Highs } from "highs";

let loading: Promise<Highs> | undefined;

/** Loaded once per process: instantiating the WebAssembly module is the slow part. */
function loadHighs(): Promise<Highs> {
  // highs ships CommonJS typings, but Node's ESM entry exposes the loader as `default`.
  loading ??= import("highs").then((mod) => (mod as unknown as { default: () => Promise<Highs> }).default());
  return loading;
}

/** Positions a topic may take in the MILP: only its pin when pinned, none when its pin was dropped. */
function candidates(m: Model, t: number): number[] {
  if (m.pinRejected.has(t)) return [];
  if (m.pin[t]! >= 0) return [m.pin[t]!];
  return Array.from(m.pos.subarray(m.posStart[t]!, m.posStart[t + 1]!));
}

/** Some LP readers dislike very long lines; the format lets an expression continue on the next one. */
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(" "));
  return lines.join("\n   ");
}

function push<K>(map: Map<K, string[]>, key: K, v: string): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

export interface Milp {
  /** CPLEX LP format, accepted by highs, cbc and glpsol alike. */
  lp: string;
  /** Timetable from a solution's variable values. */
  decode(value: (name: string) => number): Int32Array;
  size: { columns: number; rows: number };
}

/**
 * x(t,p) = 1 when t starts at p; y(t,s) = t occupies slot s; z(t,u) ≥ y(t,s) + y(u,s) − 1 for every
 * slot is 1 exactly when t and u overlap, so each co-interest pair is charged once, as the cost says.
 */
export function buildMilp(m: Model): Milp {
  const { S, T } = m;
  const obj: string[] = [];
  const rows: string[] = [];
  const xNames: string[] = [];
  const bounds: string[] = [];
  const cover = new Map<string, string[]>();
  const xs: { t: number; p: number; name: string }[] = [];
  const occupies = new Map<number, string[]>();
  const term = (c: number, v: string) => `${c >= 0 ? "+" : "-"} ${Math.abs(c)} ${v}`;
  for (let t = 0; t < T; t++) {
    const assign: string[] = [];
    for (const p of candidates(m, t)) {
      const name = `x${xs.length}`;
      xs.push({ t, p, name });
      assign.push(`+ ${name}`);
      xNames.push(name);
      obj.push(term(ownCost(m, t, p), name));
      const a = Math.floor(p / S);
      for (let s = p % S; s < (p % S) + m.len[t]!; s++) {
        push(cover, `c${a}_${s}`, name);
        for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) {
          push(cover, `l${m.leaders[i]}_${s}`, name);
        }
        push(occupies, t * S + s, name);
      }
    }
    obj.push(term(ownCost(m, t, -1), `u${t}`));
    rows.push(`a${t}: ${wrap([...assign, `+ u${t}`])} = 1`);
    bounds.push(m.pin[t]! >= 0 ? `u${t} = 0` : `0 <= u${t} <= 1`);
  }
  for (const [key, vars] of cover) if (vars.length > 1) rows.push(`${key}: ${wrap(vars.map((v) => `+ ${v}`))} <= 1`);
  for (const [key, vars] of occupies) rows.push(`d${key}: ${wrap([`+ y${key}`, ...vars.map((v) => `- ${v}`)])} = 0`);
  for (let t = 0; t < T; t++) {
    for (let k = m.nbrStart[t]!; k < m.nbrStart[t + 1]!; k++) {
      const u = m.nbr[k]!;
      if (u < t) continue;
      const shared = [...Array(S).keys()].filter((s) => occupies.has(t * S + s) && occupies.has(u * S + s));
      if (!shared.length) continue;
      obj.push(term(m.nbrW[k]!, `z${t}_${u}`));
      for (const s of shared) rows.push(`k${t}_${u}_${s}: z${t}_${u} - y${t * S + s} - y${u * S + s} >= -1`);
    }
  }
  const lines = ["Minimize", ` obj: ${wrap(obj)}`, "Subject To", ...rows.map((r) => ` ${r}`), "Bounds", ...bounds.map((b) => ` ${b}`)];
  if (xNames.length) lines.push("Binary", ` ${wrap(xNames)}`);
  lines.push("End");
  return {
    lp: lines.join("\n"),
    decode(value) {
      const at = new Int32Array(T).fill(-1);
      for (const x of xs) if (value(x.name) > 0.5) at[x.t] = x.p;
      return at;
    },
    size: { columns: xs.length + T, rows: rows.length },
  };
}

export interface ExactResult {
  at: Int32Array | undefined;
  proven: boolean;
}

/** Solves the MILP with highs; `proven` only when highs reports the optimum (gap closed to zero). */
export async function solveExact(m: Model, timeLimitSeconds: number): Promise<ExactResult> {
  const highs = await loadHighs();
  const milp = buildMilp(m);
  const sol = highs.solve(milp.lp, { time_limit: Math.max(0.01, timeLimitSeconds), mip_rel_gap: 0, mip_abs_gap: 1e-6, output_flag: false, random_seed: 0 });
  const cols = sol.Columns as Record<string, { Primal?: number }>;
  const has = sol.Status === "Optimal" || Object.values(cols).some((c) => c.Primal !== undefined);
  const at = has ? milp.decode((name) => cols[name]?.Primal ?? 0) : undefined;
  // A solve stopped by the clock may report values that are not an incumbent; never trust them unchecked.
  if (!at || !keepsHardConstraints(m, at)) return { at: undefined, proven: false };
  return { at, proven: sol.Status === "Optimal" };
}

function keepsHardConstraints(m: Model, at: Int32Array): boolean {
  const tt = new Timetable(m);
  for (let t = 0; t < m.T; t++) {
    const p = at[t]!;
    if ((m.pin[t]! >= 0 && p !== m.pin[t]) || (m.pinRejected.has(t) && p >= 0)) return false;
    if (p < 0) continue;
    if (!tt.fits(t, p)) return false;
    tt.place(t, p);
  }
  return true;
}
