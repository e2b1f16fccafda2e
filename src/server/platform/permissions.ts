import type { AppContext } from "./context.js";
import type { Db } from "./db/index.js";
import type { Text } from "../../shared/i18n/catalogue.js";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors.js";

/**
 * Permissions are data: this table is the single answer to "who may do what". Which roles a
 * caller holds in a scope is answered by the features (each registers a RoleResolver: the
 * events feature knows event roles, communities know their organisers), so the platform
 * needs no feature's tables. A route resolves the caller's Permit once; the service it calls
 * re-checks the capability against that Permit, so a service called from the CLI or from
 * another service cannot skip the check. The permission test walks every operation as
 * every role and compares the outcome with this table.
 */
export const ROLES = ["admin", "community_organiser", "organiser", "chair", "reviewer", "speaker", "attendee", "user"] as const;
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
  "registration.view",
  "registration.manage",
  "registration.checkin",
  "road.review",
  "schedule.edit",
  "cfp.review",
  "cfp.chair",
  "unconference.organise",
  "unconference.participate",
  "announcement.write",
  "webhooks.view",
  "webhooks.manage",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const organiserCaps: Capability[] = ["event.update", "event.view_unpublished", "event.roles.read", "event.roles.manage", "registration.view", "registration.manage", "registration.checkin", "schedule.edit", "cfp.review", "cfp.chair", "unconference.organise", "unconference.participate"];

/**
 * `mailbox.read` (the whole local mailbox) is the instance admin's alone: the mailbox holds
 * every account's sign-in links, so anyone else who could read it could become anyone.
 * Every signed-in account reads the mail sent to its own verified address instead.
 */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  community_organiser: ["community.update", "community.organisers.manage", "event.create", "road.review", "announcement.write", "webhooks.view", "webhooks.manage", ...organiserCaps],
  organiser: organiserCaps,
  /** The call for participation's programme committee: a chair runs it (phases, assignment, decisions), a reviewer reviews. */
  chair: ["event.view_unpublished", "cfp.review", "cfp.chair"],
  reviewer: ["event.view_unpublished", "cfp.review"],
  speaker: ["event.view_unpublished"],
  /** Confirmed attendees of a hackathon hold this role too (the registration feature resolves it). */
  attendee: ["unconference.participate"],
  user: [],
};

/** What a capability is checked against: the community, or the event (and so its community). */
export interface Scope {
  communityId?: string;
  eventId?: string;
}

export type Actor =
  | { kind: "anonymous" }
  /** `locale`: the account's language, which its requests' errors and pages are in. */
  | { kind: "user"; id: string; email: string; name: string; isAdmin: boolean; locale: string; via: "session" | "token" };
export type UserActor = Extract<Actor, { kind: "user" }>;

export const anonymous: Actor = { kind: "anonymous" };

/** A feature's answer to "which roles does this person hold in this scope?". */
export type RoleResolver = (db: Db, actor: UserActor, scope: Scope) => Promise<Iterable<Role>>;

export function rolesAllow(roles: Iterable<Role>, capability: Capability): boolean {
  for (const r of roles) if (ROLE_CAPABILITIES[r].includes(capability)) return true;
  return false;
}

/**
 * The caller's standing in one scope, resolved once per request and handed to the service.
 * `require` is the check every service makes; it costs no query.
 */
export class Permit {
  constructor(
    readonly actor: Actor,
    readonly roles: ReadonlySet<Role>,
  ) {}

  can(capability: Capability): boolean {
    return rolesAllow(this.roles, capability);
  }

  /** Throws 401 for an anonymous caller and 403 for a signed-in one without the capability. */
  require(capability: Capability): this {
    if (this.can(capability)) return this;
    if (this.actor.kind !== "user") throw new UnauthenticatedError();
    throw new ForbiddenError();
  }

  /** For what must not be disclosed (an unpublished event): 404 to whoever lacks the capability. */
  requireOrHide(capability: Capability, what: Text): this {
    if (!this.can(capability)) throw new NotFoundError(what);
    return this;
  }

  get user(): UserActor {
    if (this.actor.kind !== "user") throw new UnauthenticatedError();
    return this.actor;
  }
}

export async function rolesOf(ctx: Pick<AppContext, "db" | "roleResolvers">, actor: Actor, scope: Scope, db: Db = ctx.db): Promise<Set<Role>> {
  const roles = new Set<Role>();
  if (actor.kind !== "user") return roles;
  roles.add("user");
  if (actor.isAdmin) roles.add("admin");
  if (scope.communityId || scope.eventId) {
    const found = await Promise.all(ctx.roleResolvers.map((resolve) => resolve(db, actor, scope)));
    for (const list of found) for (const r of list) roles.add(r);
  }
  return roles;
}

export async function permitFor(ctx: Pick<AppContext, "db" | "roleResolvers">, actor: Actor, scope: Scope, db: Db = ctx.db): Promise<Permit> {
  return new Permit(actor, await rolesOf(ctx, actor, scope, db));
}

/** For a service called without a route's Permit (the CLI, another service): resolve and check in one step. */
export async function authorize(ctx: Pick<AppContext, "db" | "roleResolvers">, actor: Actor, capability: Capability, scope: Scope = {}, db: Db = ctx.db): Promise<Permit> {
  return (await permitFor(ctx, actor, scope, db)).require(capability);
}
