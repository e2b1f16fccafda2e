/** Bus topics, in one place so publishers and subscribers cannot drift apart. */
export { MAIL_QUEUED } from "./mail/outbox.js";
/** Any change to events or to the communities they are listed under. */
export const EVENTS_CHANGED = "events.changed";
/** Talks on the road changed (payload: `communityId`, and `talkIds` unless many did): the calendar indexes reload those talks, or the whole community. */
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
/**
 * An organiser saved a change to an event's schedule (payload: `eventId`, `by` the user's id):
 * open editors of that event reload.
 */
export const SCHEDULE_EDITED = "schedule.edited";
/** A hackathon's board was published as a new version (payload: `eventId`, `version`): live boards send it. */
export const UNCONFERENCE_PUBLISHED = "unconference.published";
