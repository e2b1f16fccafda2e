/**
 * Every table of the instance, for drizzle-kit (migrations are generated from this list).
 * It lives in the composition layer because it names every feature; the platform never
 * imports it (backup and restore read the tables from the database catalogue instead).
 */
export * from "./platform/db/tables.js";
export * from "./platform/auth/tables.js";
export * from "./platform/mail/tables.js";
export * from "./platform/webhooks/tables.js";
export * from "./features/accounts/tables.js";
export * from "./features/communities/tables.js";
export * from "./features/events/tables.js";
export * from "./features/registration/tables.js";
export * from "./features/road/tables.js";
export * from "./features/announcements/tables.js";
export * from "./features/demo/tables.js";
export * from "./features/schedule/tables.js";
export * from "./features/cfp/tables.js";
export * from "./features/unconference/tables.js";
