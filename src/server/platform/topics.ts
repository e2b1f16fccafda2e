/** Bus topics, in one place so publishers and subscribers cannot drift apart. */
export { MAIL_QUEUED } from "./mail/outbox.js";
/** Any change to events or to the communities they are listed under. */
export const EVENTS_CHANGED = "events.changed";
/** A talk on the road changed (payload: `communityId`): the calendar indexes drop that community. */
export const ROAD_CHANGED = "road.changed";
/** An announcement was written, scheduled or published (payload: `communityId`). */
export const ANNOUNCEMENTS_CHANGED = "announcements.changed";
/** The instance's secrets were replaced (a restore): processes reload them. */
export const SECRETS_CHANGED = "instance.secrets";
/**
 * An event's published programme changed (payload: `eventId`): a schedule was released, a
 * board was published. The schedule outputs (schedule.xml, iCalendar, …) are rebuilt.
 */
export const PROGRAMME_CHANGED = "programme.changed";
/** A hackathon's board was published as a new version (payload: `eventId`, `version`): live boards send it. */
export const UNCONFERENCE_PUBLISHED = "unconference.published";
