/** Bus topics, in one place so publishers and subscribers cannot drift apart. */
export { MAIL_QUEUED } from "./mail/outbox.js";
/** Any change to events or to the communities they are listed under. */
export const EVENTS_CHANGED = "events.changed";
