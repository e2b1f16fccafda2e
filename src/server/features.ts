import type { Feature } from "./platform/feature.js";
import type { RoleResolver } from "./platform/permissions.js";
import { accountsFeature } from "./features/accounts/index.js";
import { announcementsFeature } from "./features/announcements/index.js";
import { cfpFeature } from "./features/cfp/index.js";
import { communitiesFeature } from "./features/communities/index.js";
import { demoFeature } from "./features/demo/index.js";
import { eventsFeature } from "./features/events/index.js";
import { mailFeature } from "./features/mail/index.js";
import { registrationFeature } from "./features/registration/index.js";
import { roadFeature } from "./features/road/index.js";
import { scheduleFeature } from "./features/schedule/index.js";
import { unconferenceFeature } from "./features/unconference/index.js";
import { webhooksFeature } from "./features/webhooks/index.js";

/**
 * The feature areas of this instance, in the order their routes are registered. A new
 * feature area is added here and nowhere else in the composition layer.
 */
export const FEATURES: readonly Feature[] = [accountsFeature, communitiesFeature, eventsFeature, mailFeature, registrationFeature, roadFeature, announcementsFeature, scheduleFeature, cfpFeature, unconferenceFeature, webhooksFeature, demoFeature];

export function featureContext(features: readonly Feature[] = FEATURES): { features: readonly Feature[]; roleResolvers: readonly RoleResolver[] } {
  return { features, roleResolvers: features.flatMap((f) => (f.roles ? [f.roles] : [])) };
}
