/**
 * The registration feature's public entry (hackathon invitation requests, fees, stipends,
 * check-in): what the composition layer and other features may use.
 */
import { and, eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import type { RoleResolver } from "../../platform/permissions.js";
import { onAccountDeleted } from "./account-deletion.js";
import { RegistrationJobs } from "./jobs.js";
import { registrationRoutes } from "./routes.js";
import { invitationRequests } from "./tables.js";

export { seedRegistrationDemo } from "./demo.js";

/** A confirmed request makes its account an attendee of the event (the permission table says what attendees may do). */
const confirmedAttendee: RoleResolver = async (db, actor, scope) => {
  if (!scope.eventId) return [];
  const [row] = await db
    .select({ id: invitationRequests.id })
    .from(invitationRequests)
    .where(and(eq(invitationRequests.eventId, scope.eventId), eq(invitationRequests.userId, actor.id), eq(invitationRequests.state, "confirmed")))
    .limit(1);
  return row ? ["attendee"] : [];
};

export const registrationFeature: Feature = {
  name: "registration",
  roles: confirmedAttendee,
  routes: registrationRoutes,
  onAccountDeleted,
  background: (ctx) => new RegistrationJobs(ctx).start(),
};
