/**
 * The life of an announcement, as data (the service enforces it, the API sends `can` flags,
 * the pages show the buttons):
 *
 *   draft ──publish now──▶ published
 *     │ ▲                     │
 *     │ └──unpublish──────────┘
 *     └──schedule──▶ scheduled ──its time comes (the job) / publish now──▶ published
 *                       └──unschedule──▶ draft
 *
 * Subscribers and webhooks hear of a post once, the first time it is published.
 */
export const POST_STATES = ["draft", "scheduled", "published"] as const;
export type PostState = (typeof POST_STATES)[number];

export type PostAction = "publish" | "schedule" | "unpublish" | "edit" | "delete";

export const POST_TRANSITIONS: Record<PostState, Partial<Record<PostAction, PostState>>> = {
  draft: { publish: "published", schedule: "scheduled", delete: "draft", edit: "draft" },
  scheduled: { publish: "published", schedule: "scheduled", unpublish: "draft", delete: "scheduled", edit: "scheduled" },
  published: { unpublish: "draft", edit: "published" },
};

export function postAllows(action: PostAction, state: PostState, canWrite: boolean): boolean {
  return canWrite && POST_TRANSITIONS[state][action] !== undefined;
}

/** Archive months are calendar months in UTC, so every reader sees a post in the same month. */
export function archiveMonth(publishAt: Date): string {
  return publishAt.toISOString().slice(0, 7);
}
