/** Every table, for drizzle's query builder and for backup/restore, in foreign-key order. */
export * from "../../features/accounts/tables.js";
export * from "../../features/communities/tables.js";
export * from "../../features/events/tables.js";
export * from "../../features/mail/tables.js";
export * from "../../features/registration/tables.js";
