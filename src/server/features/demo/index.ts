/** The demo: the Xen Project's 2014 events, seeded into an empty instance, and the flag that says so. */
import type { Feature } from "../../platform/feature.js";
import { demoRoutes } from "./routes.js";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoIfEmpty } from "./seed.js";

export const demoFeature: Feature = { name: "demo", routes: demoRoutes };
