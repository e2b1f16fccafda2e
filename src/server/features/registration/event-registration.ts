import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { DomainError } from "../../platform/errors.js";
import { type Actor } from "../../platform/permissions.js";
import { communityNames } from "../communities/index.js";
import { eventTarget, type EventRow } from "../events/index.js";
import { invitationRequests, registrationSettings } from "./tables.js";

/** The event an operation is about and its registration settings: resolved for a caller, read, or locked for a change that uses a place or money; the places taken. */
export type { EventRow };

export type SettingsRow = typeof registrationSettings.$inferSelect;

export type RequestRow = typeof invitationRequests.$inferSelect;

export class NotSetUpError extends DomainError {
  constructor() {
    super("registration_not_set_up", msg("registration.errors.notSetUp"));
  }
}

/** The event, visible to the actor (an unpublished one only to those who may see it). */
export async function visibleEvent(ctx: AppContext, actor: Actor, community: string, event: string): Promise<EventRow> {
  return (await eventTarget(ctx, actor, community, event)).event;
}

/**
 * The event an organisers' operation is about, from the route's target (resolved once per
 * request, with the caller's roles in it): the capability is checked again against that
 * Permit, without a query, so a call from elsewhere cannot skip it.
 */
export async function eventForOrganiser(ctx: AppContext, target: EventTarget, capability: "registration.view" | "registration.manage" | "registration.checkin") {
  target.permit.require(capability);
  const e = target.event;
  const s = await settingsOf(ctx.db, e.id);
  return { e, s };
}

export async function settingsOf(db: Db, eventId: string): Promise<SettingsRow> {
  const [s] = await db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
  if (!s) throw new NotSetUpError();
  return s;
}

/**
 * Locks the event's settings row for the rest of the transaction. Every change that takes or
 * frees a place or spends budget goes through this lock, so capacity and budget checks see
 * a stable count, across app processes too.
 */
export async function lockSettings(tx: Db, eventId: string): Promise<SettingsRow> {
  const [s] = await tx.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId)).for("update");
  if (!s) throw new NotSetUpError();
  return s;
}

/** Places taken: confirmed attendees. Places held: invitations not yet answered. */
export async function placeCounts(db: Db, eventId: string): Promise<{ confirmed: number; invited: number }> {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*) filter (where ${invitationRequests.state} = 'confirmed')`.mapWith(Number),
      invited: sql<number>`count(*) filter (where ${invitationRequests.state} = 'invited')`.mapWith(Number),
    })
    .from(invitationRequests)
    .where(and(eq(invitationRequests.eventId, eventId), sql`${invitationRequests.state} in ('confirmed', 'invited')`));
  return { confirmed: row?.confirmed ?? 0, invited: row?.invited ?? 0 };
}

export async function communitySlugOf(db: Db, communityId: string): Promise<string> {
  return (await communityNames(db, [communityId])).get(communityId)?.slug ?? "";
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}
