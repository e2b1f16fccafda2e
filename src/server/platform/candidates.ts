/**
 * Sessions a feature offers a conference's schedule: the call for participation's accepted
 * and confirmed proposals. The schedule feature reads them through the Feature
 * `candidateSessions` hook and keeps its own session rows (a session remembers the
 * `proposalId` it came from), so neither feature imports the other.
 */
export interface CandidateSpeaker {
  /** Stable id of the speaker at the source (the same in every session they give). */
  id: string;
  name: string;
  affiliation: string;
  /** Their account here, when they have one: they are mailed when their session moves. */
  userId: string | null;
}

export interface CandidateSession {
  proposalId: string;
  title: string;
  abstract: string;
  description: string;
  /** talk, workshop, panel, … */
  sessionType: string;
  durationMinutes: number;
  track: string | null;
  language?: string | null;
  speakers: CandidateSpeaker[];
  /** When the speakers can be there; absent means any time during the event. */
  availability?: { start: Date; end: Date }[] | null;
  /**
   * How many people are expected, when the source can say (reviewers' scores scaled by the
   * source); the schedule uses it against room capacity and as the solver's interest.
   */
  expectedAudience?: number | null;
}
