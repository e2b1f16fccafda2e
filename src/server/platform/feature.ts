import type { CandidateSession } from "./candidates.js";
import type { AppContext } from "./context.js";
import type { Db } from "./db/index.js";
import type { Router } from "./http/route.js";
import type { RoleResolver } from "./permissions.js";
import type { Programme } from "./programme.js";
import type { WebhookEventType } from "./webhooks/registry.js";

/**
 * What a feature area gives the composition layer (`src/server/features.ts`). The platform
 * calls features only through these hooks, so it never imports one.
 */
export interface Feature {
  name: string;
  /** Registers the feature's operations. */
  routes?(router: Router, ctx: AppContext): void;
  /** The roles this feature knows a person holds in a scope (event roles, community organisers). */
  roles?: RoleResolver;
  /**
   * Runs inside the account-deletion transaction, before the account row is anonymised:
   * refuse by throwing a DomainError, or anonymise what the feature keeps about the person.
   */
  onAccountDeleted?(ctx: AppContext, tx: Db, userId: string): Promise<void>;
  /**
   * The event's published programme, if this feature owns it (the schedule feature for a
   * conference, the unconference feature for a hackathon's board); null otherwise. The
   * schedule outputs (schedule.xml, schedule.json, iCalendar, CSV) are written from it.
   */
  programme?(ctx: AppContext, eventId: string): Promise<Programme | null>;
  /**
   * Sessions this feature offers the event's schedule (the call for participation's accepted
   * and confirmed proposals); the schedule feature imports them into its own rows.
   */
  candidateSessions?(ctx: AppContext, eventId: string): Promise<CandidateSession[]>;
  /** Long-running work (scheduled jobs) started with the server and stopped on shutdown. */
  background?(ctx: AppContext): { stop(): Promise<void> };
  /** The webhook event types this feature emits (`emitWebhook`), with their payload schemas. */
  webhooks?: readonly WebhookEventType[];
}
