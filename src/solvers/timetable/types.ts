/** Input and output of the timetable solver, as fixed by /work/shared/formats/solver-io.md. */

export interface SlotSpec {
  id: string;
  day: string;
  start?: string;
  end?: string;
}

export interface AreaSpec {
  id: string;
  capacity: number;
  features: string[];
}

export interface TopicSpec {
  id: string;
  leaders: string[];
  length: number;
  needs: string[];
  unavailable: string[];
  pinned?: { area: string; slot: string };
}

export interface InterestSpec {
  person: string;
  topics: string[];
  /**
   * How many people this entry stands for (default 1), all with the same interest; every cost
   * counts them as that many persons. An extension of solver-io.md: a conference's expected
   * audience is a few hundred people per session, which as one entry each made a 1,000-session
   * instance 150,000 entries that took seconds to copy to the worker and read.
   */
  people?: number;
}

export interface Placement {
  topic: string;
  area: string;
  /** The first slot the topic occupies. */
  slot: string;
}

export interface TimetableInstance {
  slots: SlotSpec[];
  areas: AreaSpec[];
  topics: TopicSpec[];
  interest: InterestSpec[];
  previous: Placement[];
  moveCost: number;
}

export interface CostBreakdown {
  clashes: number;
  overflow: number;
  unplaced: number;
  moves: number;
}

export type TimetableStatus = "optimal" | "feasible" | "infeasible";

export interface TimetableResult {
  status: TimetableStatus;
  cost: number;
  breakdown: CostBreakdown;
  lowerBound?: number;
  placements: Placement[];
  unplaced: { topic: string; reason: string }[];
  stats: { seconds: number; iterations: number; exact: "optimal" | "stopped" | "skipped"; boundFrom: string };
}

export interface TimetableProgress {
  phase: "heuristic" | "exact" | "bound";
  /** 0..1 within the whole solve, for a progress bar. */
  fraction: number;
  bestCost: number;
}

export interface SolveOptions {
  seed?: number;
  timeLimitMs?: number;
  onProgress?: (p: TimetableProgress) => void;
  signal?: AbortSignal;
}

/** Thrown for input that breaks the format; `field` is a path such as `topics[3].pinned.area`. */
export class TimetableInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = "TimetableInputError";
  }
}
