import type { Timetable } from "./heuristic.js";

const quote = (xs: Iterable<string>) => [...xs].map((x) => `'${x}'`).join(", ");

/** A sentence an organiser can act on, for every topic the timetable leaves out. */
export function explainUnplaced(tt: Timetable, t: number): string {
  const { m } = tt;
  const topic = m.instance.topics[t]!;
  const rejected = m.pinRejected.get(t);
  if (rejected) return rejected;
  const areas = m.instance.areas;
  const suitable = areas.filter((a) => topic.needs.every((n) => a.features.includes(n)));
  const withNeeds = topic.needs.length ? ` with ${topic.needs.length > 1 ? "features" : "feature"} ${quote(topic.needs)}` : "";
  if (!areas.length) return "there are no areas";
  if (!suitable.length) {
    const absent = topic.needs.filter((n) => !areas.some((a) => a.features.includes(n)));
    return absent.length ? `no area has ${absent.length > 1 ? "features" : "feature"} ${quote(absent)}` : `no single area has all of ${quote(topic.needs)}`;
  }
  if (m.posStart[t] === m.posStart[t + 1]) {
    if (topic.unavailable.length >= m.S) return "it is unavailable in every slot";
    return `its ${m.len[t]} slots do not fit between its unavailable slots on any day`;
  }

  const leaderBlocks = new Map<number, Set<number>>();
  let areaFree = 0;
  let cheapestFree = Infinity;
  for (let k = m.posStart[t]!; k < m.posStart[t + 1]!; k++) {
    const p = m.pos[k]!;
    const a = Math.floor(p / m.S);
    const s = p % m.S;
    let taken = false;
    for (let j = s; j < s + m.len[t]!; j++) taken ||= tt.cell[a * m.S + j]! >= 0;
    if (taken) continue;
    areaFree++;
    if (tt.fits(t, p)) {
      cheapestFree = Math.min(cheapestFree, tt.contribution(t, p));
      continue;
    }
    for (let i = m.leaderStart[t]!; i < m.leaderStart[t + 1]!; i++) {
      const l = m.leaders[i]!;
      for (let j = s; j < s + m.len[t]!; j++) {
        if (!tt.leaderBusy[l * m.S + j]) continue;
        const led = leaderBlocks.get(l) ?? new Set<number>();
        for (let u = 0; u < m.T; u++) {
          const q = tt.at[u]!;
          if (q >= 0 && j >= q % m.S && j < (q % m.S) + m.len[u]! && m.leaders.subarray(m.leaderStart[u]!, m.leaderStart[u + 1]!).includes(l)) led.add(u);
        }
        leaderBlocks.set(l, led);
      }
    }
  }
  if (cheapestFree < Infinity) {
    return `leaving it out costs ${tt.contribution(t, -1)}, less than the ${cheapestFree} in clashes and overflow it would cause in the best free place`;
  }
  if (!areaFree) return `every area${withNeeds} is taken at every time it can run`;
  const names = [...leaderBlocks.keys()].map((l) => m.leaderNames[l]!);
  if (names.length === 1) {
    const led = leaderBlocks.values().next().value!.size;
    return `its leader '${names[0]}' leads ${led} other ${led === 1 ? "topic" : "topics"} at every time an area${withNeeds} is free`;
  }
  return `no area${withNeeds} is free while its leaders ${quote(names)} are`;
}
