/**
 * The call for participation's rules as data and pure functions, shared by the service (which
 * enforces them), the API (the `can` flags of each proposal) and the pages (the buttons drawn).
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted ──confirm──▶ confirmed
 *     │                 │  │ └─waitlist─▶ waitlisted ─accept/reject─┐   └──decline──▶ declined
 *     │                 │  └──reject──▶ rejected ◀──────────────────┘
 *     └──withdraw──▶ withdrawn ◀──withdraw── (any state a speaker can still leave)
 *
 * Speakers edit a draft at any time (a draft is never lost) and a submitted proposal until the
 * deadline; they withdraw at any time before a final answer. Chairs decide in the decision phase.
 */
export const PROPOSAL_STATES = ["draft", "submitted", "accepted", "waitlisted", "rejected", "confirmed", "declined", "withdrawn"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_ACTIONS = ["edit", "submit", "withdraw", "accept", "reject", "waitlist", "confirm", "decline"] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const DECISIONS = ["accept", "reject", "waitlist"] as const;
export type Decision = (typeof DECISIONS)[number];

export const PROPOSAL_TRANSITIONS: Record<ProposalState, Partial<Record<ProposalAction, ProposalState>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: { accept: "accepted", reject: "rejected", waitlist: "waitlisted", withdraw: "withdrawn" },
  waitlisted: { accept: "accepted", reject: "rejected", withdraw: "withdrawn" },
  accepted: { confirm: "confirmed", decline: "declined", withdraw: "withdrawn" },
  confirmed: { withdraw: "withdrawn" },
  rejected: {},
  declined: {},
  withdrawn: {},
};

/** The committee's phases, opened one after the other by a chair; `closed` is before bidding starts. */
export const PHASES = ["closed", "bidding", "reviewing", "discussion", "decision"] as const;
export type Phase = (typeof PHASES)[number];

/** Who is asking, relative to one proposal. */
export interface ProposalActor {
  /** A speaker of the proposal who has accepted (its submitter is one). */
  owner: boolean;
  /** Holds `cfp.chair` at the event and has no conflict with the proposal. */
  chair: boolean;
}

/** What the moment allows: whether submissions are open (deadline, or a valid access code) and the committee's phase. */
export interface CallMoment {
  open: boolean;
  phase: Phase;
}

export function proposalAllows(action: ProposalAction, state: ProposalState, who: ProposalActor, at: CallMoment): boolean {
  const next = PROPOSAL_TRANSITIONS[state][action];
  switch (action) {
    case "edit":
      return who.owner && (state === "draft" || (state === "submitted" && at.open));
    case "submit":
      return who.owner && next !== undefined && at.open;
    case "withdraw":
    case "confirm":
    case "decline":
      return who.owner && next !== undefined;
    case "accept":
    case "reject":
    case "waitlist":
      return who.chair && next !== undefined && at.phase === "decision";
  }
}

/** Every action's flag for one proposal: what the API sends as `can` and the pages draw as buttons. */
export function proposalCan(state: ProposalState, who: ProposalActor, at: CallMoment): Record<ProposalAction, boolean> {
  return Object.fromEntries(PROPOSAL_ACTIONS.map((a) => [a, proposalAllows(a, state, who, at)])) as Record<ProposalAction, boolean>;
}

/** What the committee does in each phase. Reviews stay open through discussion, so a late reviewer can still finish. */
export const phaseAllows = {
  bid: (p: Phase) => p === "bidding",
  review: (p: Phase) => p === "reviewing" || p === "discussion",
  decide: (p: Phase) => p === "decision",
};

/** Proposals the committee sees: a draft is the speaker's own, a withdrawn one is gone. */
export const UNDER_REVIEW: readonly ProposalState[] = ["submitted", "accepted", "waitlisted", "rejected", "confirmed", "declined"];

/** Proposals that count towards a speaker's maximum: everything sent in and not taken back. */
export const COUNTS_TOWARDS_MAX: readonly ProposalState[] = ["submitted", "accepted", "waitlisted", "confirmed"];

// ---------------------------------------------------------------- the deadline

/**
 * Instants are entered as a local date and time in the event's zone, or as Anywhere on Earth
 * (UTC−12, the last place on Earth where a date is still running). IANA's name for UTC−12 is
 * `Etc/GMT+12` (its signs are inverted, POSIX style).
 */
export const DEADLINE_ZONES = ["event", "aoe"] as const;
export type DeadlineZone = (typeof DEADLINE_ZONES)[number];
export const AOE_ZONE = "Etc/GMT+12";

export const zoneOf = (kind: DeadlineZone, eventZone: string): string => (kind === "aoe" ? AOE_ZONE : eventZone);

/**
 * Submissions are open from `opensAt` (inclusive) to `closesAt` (exclusive: a proposal sent at
 * the deadline's instant or later is late); no deadline means open once opened.
 */
export function callOpen(now: Date, opensAt: Date | null, closesAt: Date | null): boolean {
  if (!opensAt || now.getTime() < opensAt.getTime()) return false;
  return !closesAt || now.getTime() < closesAt.getTime();
}

// ---------------------------------------------------------------- conflicts of interest

/**
 * Addresses at these domains say nothing about an employer: public mail providers, and the
 * domains reserved for documentation (RFC 2606), which the demo's accounts all share.
 */
export const SHARED_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.ru",
  "yandex.ru",
  "qq.com",
  "163.com",
  "fastmail.com",
  "posteo.de",
  "example.org",
  "example.com",
  "example.net",
]);

export const CONFLICT_SOURCES = ["reviewer", "speaker", "chair", "domain", "affiliation", "coauthor", "author"] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export interface Person {
  userId: string | null;
  email: string;
  affiliation: string;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Why a committee member is conflicted with a proposal by its speakers alone (declared
 * conflicts are rows): they are a speaker of it, share an organisation's mail domain or an
 * affiliation with a speaker, or have given a proposal with one of its speakers before.
 */
export function automaticConflict(member: Person, speakers: readonly Person[], coSpeakersOfMember: ReadonlySet<string>): ConflictSource | null {
  for (const s of speakers) if (s.userId && s.userId === member.userId) return "author";
  const d = domainOf(member.email);
  if (!SHARED_MAIL_DOMAINS.has(d) && speakers.some((s) => domainOf(s.email) === d)) return "domain";
  const a = norm(member.affiliation);
  if (a && speakers.some((s) => norm(s.affiliation) === a)) return "affiliation";
  if (speakers.some((s) => s.userId && coSpeakersOfMember.has(s.userId))) return "coauthor";
  return null;
}

// ---------------------------------------------------------------- bids and scores

export const BIDS = ["eager", "willing", "not_willing", "conflict"] as const;
export type Bid = (typeof BIDS)[number];

/** A bid as the assignment's affinity; no bid falls back to the share of the proposal's topics the reviewer follows. */
export const BID_AFFINITY: Record<Exclude<Bid, "conflict">, number> = { eager: 3, willing: 1, not_willing: -3 };

export function affinity(bid: Bid | null, proposalTopics: readonly string[], reviewerTopics: ReadonlySet<string>): number | null {
  if (bid === "conflict") return null;
  if (bid) return BID_AFFINITY[bid];
  if (!proposalTopics.length) return 0;
  return proposalTopics.filter((t) => reviewerTopics.has(t)).length / proposalTopics.length;
}

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  /** The scale's points, lowest first, each with what it means. */
  scale: { value: number; label: string }[];
}

/** A review's weighted mean over the criteria it scored. */
export function weightedScore(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const v = scores[c.key];
    if (v === undefined) continue;
    sum += v * c.weight;
    weights += c.weight;
  }
  return weights ? sum / weights : null;
}

/**
 * Ranking: per proposal, the mean of its reviews' weighted scores and their spread (max − min),
 * and a calibrated mean: each reviewer's scores shifted by how far their own mean lies from
 * the mean of all reviews (an additive offset per reviewer), so a harsh or a generous
 * reviewer moves a proposal less.
 */
export function rank(reviews: readonly { proposalId: string; reviewerId: string; score: number }[]): Map<string, { mean: number; spread: number; calibrated: number; count: number }> {
  const all = reviews.length ? reviews.reduce((s, r) => s + r.score, 0) / reviews.length : 0;
  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.score]);
  const offset = new Map([...byReviewer].map(([id, xs]) => [id, xs.reduce((a, b) => a + b, 0) / xs.length - all]));
  const out = new Map<string, { mean: number; spread: number; calibrated: number; count: number }>();
  const byProposal = new Map<string, { score: number; reviewerId: string }[]>();
  for (const r of reviews) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
  for (const [id, rs] of byProposal) {
    const xs = rs.map((r) => r.score);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const calibrated = rs.reduce((a, r) => a + r.score - offset.get(r.reviewerId)!, 0) / rs.length;
    out.set(id, { mean, spread: Math.max(...xs) - Math.min(...xs), calibrated, count: rs.length });
  }
  return out;
}
