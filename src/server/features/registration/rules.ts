/**
 * Registration's rules as data, shared by the service (which refuses a step its machine does
 * not allow), the API (the `can` flags it sends) and the pages (which buttons they draw), so
 * each rule exists once. Pure: no database, no server imports; the web app imports it as it
 * imports the schemas.
 *
 * A machine lists, per step, who takes it and the states it leads from and to
 * (`from: { state: next }`); a step not listed from a state cannot be taken there. Guards are
 * the conditions beyond the state (a deadline, a setting), as predicates over plain values.
 */

/** `unverified`: made without an account, waiting for the emailed link. */
export const REQUEST_STATES = ["unverified", "requested", "invited", "waitlisted", "declined", "confirmed", "expired", "withdrawn", "cancelled"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
/** Live requests block a second request from the same address, and may still end in a place. */
export const LIVE_STATES = ["unverified", "requested", "invited", "waitlisted", "confirmed"] as const satisfies readonly RequestState[];

export const STIPEND_STATES = ["submitted", "information_needed", "offered", "accepted", "declined", "reimbursed", "withdrawn", "rejected"] as const;
export type StipendState = (typeof STIPEND_STATES)[number];

/** Who takes a step: the applicant (status link or signed in), an organiser, or the scheduled jobs. */
export type StepBy = "applicant" | "organiser" | "system";

export interface Step<S extends string> {
  by: StepBy;
  from: Partial<Record<S, S>>;
}

export const DECISIONS = ["invite", "waitlist", "decline", "cancel"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The invitation request. */
export const REQUEST_STEPS = {
  verify: { by: "applicant", from: { unverified: "requested" } },
  invite: { by: "organiser", from: { requested: "invited", waitlisted: "invited" } },
  waitlist: { by: "organiser", from: { requested: "waitlisted" } },
  decline: { by: "organiser", from: { requested: "declined", waitlisted: "declined", invited: "declined" } },
  cancel: { by: "organiser", from: { invited: "cancelled", confirmed: "cancelled" } },
  /** Guarded by confirmBeforeDeadline and by the capacity (counted under the settings lock). */
  confirm: { by: "applicant", from: { invited: "confirmed" } },
  /** A confirmed place given up is cancelled; anything else live is withdrawn. */
  withdraw: { by: "applicant", from: { unverified: "withdrawn", requested: "withdrawn", invited: "withdrawn", waitlisted: "withdrawn", confirmed: "cancelled" } },
  expire: { by: "system", from: { invited: "expired" } },
  promote: { by: "system", from: { waitlisted: "invited" } },
} as const satisfies Record<string, Step<RequestState>> & Record<Decision, Step<RequestState>>;
export type RequestStep = keyof typeof REQUEST_STEPS;

export const STIPEND_APPLICANT_ACTIONS = ["accept", "decline", "withdraw", "reply"] as const;
export const STIPEND_ORGANISER_ACTIONS = ["request_information", "offer", "reject", "reimburse", "message"] as const;
const everyStipendState = Object.fromEntries(STIPEND_STATES.map((s) => [s, s])) as Record<StipendState, StipendState>;

/** The travel stipend. A reply or a message keeps the state, except that answering a question puts the request back to the organisers. */
export const STIPEND_STEPS = {
  accept: { by: "applicant", from: { offered: "accepted" } },
  decline: { by: "applicant", from: { offered: "declined" } },
  withdraw: { by: "applicant", from: { submitted: "withdrawn", information_needed: "withdrawn", offered: "withdrawn" } },
  reply: { by: "applicant", from: { submitted: "submitted", information_needed: "submitted", offered: "offered", accepted: "accepted" } },
  request_information: { by: "organiser", from: { submitted: "information_needed", information_needed: "information_needed" } },
  /** Guarded by the budget (counted under the settings lock) and by the amount asked. */
  offer: { by: "organiser", from: { submitted: "offered", information_needed: "offered", offered: "offered", declined: "offered" } },
  reject: { by: "organiser", from: { submitted: "rejected", information_needed: "rejected", offered: "rejected" } },
  reimburse: { by: "organiser", from: { accepted: "reimbursed" } },
  message: { by: "organiser", from: everyStipendState },
} as const satisfies Record<(typeof STIPEND_APPLICANT_ACTIONS)[number] | (typeof STIPEND_ORGANISER_ACTIONS)[number], Step<StipendState>>;
export type StipendStep = keyof typeof STIPEND_STEPS;

/** The state a step leads to from `state`, or undefined when it cannot be taken there. */
export function nextState<S extends string>(step: Step<S>, state: S): S | undefined {
  return step.from[state];
}
export function canStep<S extends string>(step: Step<S>, state: S): boolean {
  return step.from[state] !== undefined;
}
/** The states a step can be taken from (for a set-based UPDATE … WHERE state IN …). */
export function statesFrom<const F extends object>(step: { from: F }): (keyof F & string)[] {
  return Object.keys(step.from) as (keyof F & string)[];
}

export const isLive = (state: RequestState): boolean => (LIVE_STATES as readonly string[]).includes(state);

/** Guard of `confirm`: an invitation is confirmed before its deadline. */
export const beforeDeadline = (confirmBy: Date | string | null, now: Date): boolean => confirmBy !== null && new Date(confirmBy).getTime() > now.getTime();

/** Whether an event offers stipends at all: the question is asked and there is a budget. */
export const stipendsOffered = (s: { questions: { stipend: boolean }; stipendBudget: number }): boolean => s.questions.stipend && s.stipendBudget > 0;

/** Stipends are asked for while a request is live and its address confirmed. */
export const STIPEND_ELIGIBLE: readonly RequestState[] = ["requested", "invited", "waitlisted", "confirmed"];

/** What the applicant may do now: the status page's buttons, and what the service enforces. */
export function applicantCan(r: { state: RequestState; confirmBy: Date | string | null }, stipend: { state: StipendState } | null, offered: boolean, now: Date) {
  return {
    withdraw: canStep(REQUEST_STEPS.withdraw, r.state),
    confirm: canStep(REQUEST_STEPS.confirm, r.state) && beforeDeadline(r.confirmBy, now),
    requestStipend: stipend === null && offered && STIPEND_ELIGIBLE.includes(r.state),
    stipend: Object.fromEntries(STIPEND_APPLICANT_ACTIONS.map((a) => [a, stipend !== null && canStep(STIPEND_STEPS[a], stipend.state)])) as Record<(typeof STIPEND_APPLICANT_ACTIONS)[number], boolean>,
  };
}

/** Which organiser steps a stipend request allows now. */
export function organiserStipendCan(state: StipendState): Record<(typeof STIPEND_ORGANISER_ACTIONS)[number], boolean> {
  return Object.fromEntries(STIPEND_ORGANISER_ACTIONS.map((a) => [a, canStep(STIPEND_STEPS[a], state)])) as Record<(typeof STIPEND_ORGANISER_ACTIONS)[number], boolean>;
}

/** Which decisions a request in the queue allows now. */
export function decisionsCan(state: RequestState): Record<Decision, boolean> {
  return Object.fromEntries(DECISIONS.map((d) => [d, canStep(REQUEST_STEPS[d], state)])) as Record<Decision, boolean>;
}
