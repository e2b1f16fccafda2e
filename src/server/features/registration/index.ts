/**
 * The registration feature's public entry (hackathon invitation requests, fees, stipends,
 * check-in): what the composition layer and other features may use.
 */
import type { Feature } from "../../platform/feature.js";
import { onAccountDeleted } from "./account-deletion.js";
import { RegistrationJobs } from "./jobs.js";
import { registrationRoutes } from "./routes.js";

export { seedRegistrationDemo } from "./demo.js";

export const registrationFeature: Feature = {
  name: "registration",
  routes: registrationRoutes,
  onAccountDeleted,
  background: (ctx) => new RegistrationJobs(ctx).start(),
};
