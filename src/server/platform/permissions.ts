import { and, eq } from "drizzle-orm";
import type { Db } from "./db/index.js";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";
import { communityOrganisers } from "../features/communities/tables.js";
import { eventRoles, events } from "../features/events/tables.js";

/**
 * Permissions are data: this table is the single answer to "who may do what". Route
 * middleware checks it before a handler runs and services check it again, so a service
 * called from the CLI or another service cannot skip it. The permission test walks every
 * operation as every role and compares the outcome with this table.
 */
export const ROLES = ["admin", "community_organiser", "organiser", "reviewer", "speaker", "attendee", "user"] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  "community.create",
  "community.update",
  "community.organisers.manage",
  "event.create",
  "event.update",
  "event.view_unpublished",
  "event.roles.read",
  "event.roles.manage",
  "mailbox.read",
  "users.list",
  "registration.view",
  "registration.manage",
  "registration.checkin",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const organiserCaps: Capability[] = ["event.update", "event.view_unpublished", "event.roles.read", "event.roles.manage", "mailbox.read", "registration.view", "registration.manage", "registration.checkin"];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  community_organiser: ["community.update", "community.organisers.manage", "event.create", ...organiserCaps],
  organiser: organiserCaps,
  reviewer: ["event.view_unpublished"],
  speaker: ["event.view_unpublished"],
  attendee: [],
  user: [],
};

/** What a capability is checked against: the community, or the event (and so its community). */
export interface Scope {
  communityId?: string;
  eventId?: string;
}

export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; id: string; email: string; name: string; isAdmin: boolean; via: "session" | "token" };

export const anonymous: Actor = { kind: "anonymous" };

export async function rolesOf(db: Db, actor: Actor, scope: Scope): Promise<Set<Role>> {
  const roles = new Set<Role>();
  if (actor.kind !== "user") return roles;
  roles.add("user");
  if (actor.isAdmin) roles.add("admin");
  let communityId = scope.communityId;
  if (scope.eventId) {
    const rows = await db.select({ role: eventRoles.role }).from(eventRoles).where(and(eq(eventRoles.eventId, scope.eventId), eq(eventRoles.userId, actor.id)));
    for (const r of rows) roles.add(r.role);
    if (!communityId) {
      const [ev] = await db.select({ communityId: events.communityId }).from(events).where(eq(events.id, scope.eventId));
      communityId = ev?.communityId;
    }
  }
  if (communityId) {
    const [org] = await db
      .select({ userId: communityOrganisers.userId })
      .from(communityOrganisers)
      .where(and(eq(communityOrganisers.communityId, communityId), eq(communityOrganisers.userId, actor.id)));
    if (org) roles.add("community_organiser");
  }
  return roles;
}

export function rolesAllow(roles: Iterable<Role>, capability: Capability): boolean {
  for (const r of roles) if (ROLE_CAPABILITIES[r].includes(capability)) return true;
  return false;
}

export async function can(db: Db, actor: Actor, capability: Capability, scope: Scope = {}): Promise<boolean> {
  return rolesAllow(await rolesOf(db, actor, scope), capability);
}

/** Throws 401 for an anonymous actor and 403 for a signed-in one without the capability. */
export async function authorize(db: Db, actor: Actor, capability: Capability, scope: Scope = {}): Promise<void> {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  if (!(await can(db, actor, capability, scope))) throw new ForbiddenError();
}

/**
 * For capabilities not tied to one event, such as reading the local mailbox: granted when
 * any of the actor's roles, anywhere on the instance, carries it.
 */
export async function rolesAnywhere(db: Db, actor: Actor): Promise<Set<Role>> {
  const roles = new Set<Role>();
  if (actor.kind !== "user") return roles;
  roles.add("user");
  if (actor.isAdmin) roles.add("admin");
  const evRoles = await db.selectDistinct({ role: eventRoles.role }).from(eventRoles).where(eq(eventRoles.userId, actor.id));
  for (const r of evRoles) roles.add(r.role);
  const [co] = await db.select({ u: communityOrganisers.userId }).from(communityOrganisers).where(eq(communityOrganisers.userId, actor.id)).limit(1);
  if (co) roles.add("community_organiser");
  return roles;
}

export async function authorizeAnywhere(db: Db, actor: Actor, capability: Capability): Promise<void> {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  if (!rolesAllow(await rolesAnywhere(db, actor), capability)) throw new ForbiddenError();
}
