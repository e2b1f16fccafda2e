/**
 * The life of a talk on the road, as data: the service enforces it, the API turns it into
 * `can` flags, the pages show the buttons it allows.
 *
 *   proposed ──approve──▶ approved ──withdraw──▶ withdrawn
 *      │  └──reject───▶ rejected
 *      └──withdraw──▶ withdrawn
 *
 * Only approved talks are on the public calendar, the event page and the feeds.
 */
export const TALK_STATES = ["proposed", "approved", "rejected", "withdrawn"] as const;
export type TalkState = (typeof TALK_STATES)[number];

export type TalkAction = "approve" | "reject" | "withdraw" | "edit" | "addRecordings";

/** Who is asking, relative to one talk. */
export interface TalkActor {
  /** Holds `road.review` in the talk's community (a community organiser or an admin). */
  reviewer: boolean;
  /** Proposed the talk, or is one of its speakers linked to an account. */
  owner: boolean;
}

export const TALK_TRANSITIONS: Record<TalkState, Partial<Record<TalkAction, TalkState>>> = {
  proposed: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
  approved: { withdraw: "withdrawn" },
  rejected: {},
  withdrawn: {},
};

/**
 * Whether `who` may take `action` on a talk in `state` that starts at `startsAt`.
 * Owners edit their proposal until it is decided; reviewers edit any talk that is not closed.
 * Slides and video belong to a talk that was given: approved and started.
 */
export function talkAllows(action: TalkAction, state: TalkState, who: TalkActor, startsAt: Date, now: Date): boolean {
  switch (action) {
    case "approve":
    case "reject":
      return who.reviewer && TALK_TRANSITIONS[state][action] !== undefined;
    case "withdraw":
      return (who.reviewer || who.owner) && TALK_TRANSITIONS[state].withdraw !== undefined;
    case "edit":
      return state === "proposed" ? who.reviewer || who.owner : state === "approved" && who.reviewer;
    case "addRecordings":
      return state === "approved" && (who.reviewer || who.owner) && startsAt.getTime() <= now.getTime();
  }
}

/** A past approved talk that still lacks its slides or its video: on the organisers' "wanted" list. */
export function wantsRecordings(t: { state: TalkState; startsAt: Date; slidesUrl: string | null; videoUrl: string | null }, now: Date): boolean {
  return t.state === "approved" && t.startsAt.getTime() < now.getTime() && (!t.slidesUrl || !t.videoUrl);
}
