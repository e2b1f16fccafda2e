/** The demo: the Xen Project's 2014 events, seeded into an empty instance. */
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoIfEmpty } from "./seed.js";
