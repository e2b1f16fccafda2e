/**
 * The conference schedule: rooms and the time grid, the editor with its automatic draft,
 * numbered releases with change logs, the public programme, and the standard outputs
 * (schedule.xml, schedule.json, iCalendar, CSV) written from any event's programme.
 */
import { eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import { releasedProgramme } from "./programme.js";
import { SCHEDULE_WEBHOOKS } from "./release.js";
import { scheduleRoutes } from "./routes.js";
import { scheduleFavourites, scheduleSpeakers } from "./tables.js";

export { seedScheduleDemo, type DemoScheduleSeed } from "./demo.js";

export const scheduleFeature: Feature = {
  name: "schedule",
  routes: scheduleRoutes,
  programme: releasedProgramme,
  webhooks: SCHEDULE_WEBHOOKS,
  // The speaker stays on the programme (their name is public display text); the link to the account goes.
  onAccountDeleted: async (_ctx, tx, userId) => {
    await tx.update(scheduleSpeakers).set({ userId: null }).where(eq(scheduleSpeakers.userId, userId));
    await tx.delete(scheduleFavourites).where(eq(scheduleFavourites.userId, userId));
  },
};
