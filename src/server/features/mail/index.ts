/** The local mailbox's pages (the outbox itself is the platform's). */
import type { Feature } from "../../platform/feature.js";
import { mailRoutes } from "./routes.js";

export const mailFeature: Feature = { name: "mail", routes: mailRoutes };
