import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { permitFor, type Actor, type Permit, type RoleResolver } from "../../platform/permissions.js";
import { findUserByEmail } from "../../platform/auth/index.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { CommunityView, CreateCommunityBody, UpdateCommunityBody } from "./schema.js";
import { communities, communityOrganisers } from "./tables.js";

type Row = typeof communities.$inferSelect;

export function toView(c: Row): CommunityView {
  return { id: c.id, slug: c.slug, name: c.name, description: c.description, descriptionHtml: renderMarkdown(c.description), website: c.website };
}

export async function communityBySlug(db: Db, slug: string): Promise<Row> {
  const [c] = await db.select().from(communities).where(eq(communities.slug, slug));
  if (!c) throw new NotFoundError(msg("communities.errors.notFound", { slug }));
  return c;
}

export async function listCommunities(ctx: AppContext) {
  const rows = await ctx.db.select().from(communities).orderBy(asc(communities.name));
  return { communities: rows.map(toView) };
}

export async function createCommunity(ctx: AppContext, permit: Permit, input: CreateCommunityBody, db: Db = ctx.db): Promise<CommunityView> {
  permit.require("community.create");
  const [c] = await db.insert(communities).values(input).onConflictDoNothing().returning();
  if (!c) throw new ConflictError("slug_taken", msg("communities.errors.slugTaken", { slug: input.slug }), { slug: [msg("communities.errors.slugTakenField")] });
  return toView(c);
}

/** A community and the caller's standing in it: what the community's guarded operations act on. */
export interface CommunityTarget {
  community: Row;
  permit: Permit;
}

export async function communityTarget(ctx: AppContext, actor: Actor, slug: string): Promise<CommunityTarget> {
  const community = await communityBySlug(ctx.db, slug);
  return { community, permit: await permitFor(ctx, actor, { communityId: community.id }) };
}

export async function updateCommunity(ctx: AppContext, { community: c, permit }: CommunityTarget, input: UpdateCommunityBody): Promise<CommunityView> {
  permit.require("community.update");
  if (Object.keys(input).length === 0) return toView(c);
  const [u] = await ctx.db.update(communities).set(input).where(eq(communities.id, c.id)).returning();
  await ctx.bus.publish(EVENTS_CHANGED);
  return toView(u!);
}

export async function listOrganisers(ctx: AppContext, { community: c, permit }: CommunityTarget) {
  permit.require("community.organisers.manage");
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(communityOrganisers)
    .innerJoin(users, eq(users.id, communityOrganisers.userId))
    .where(eq(communityOrganisers.communityId, c.id))
    .orderBy(asc(users.name));
  return { organisers: rows };
}

export async function addOrganiser(ctx: AppContext, target: CommunityTarget, email: string) {
  target.permit.require("community.organisers.manage");
  const u = await findUserByEmail(ctx.db, email);
  if (!u) throw new NotFoundError(msg("communities.errors.noAccount", { email }));
  await ctx.db.insert(communityOrganisers).values({ communityId: target.community.id, userId: u.id }).onConflictDoNothing();
  return listOrganisers(ctx, target);
}

export async function removeOrganiser(ctx: AppContext, { community: c, permit }: CommunityTarget, userId: string): Promise<void> {
  permit.require("community.organisers.manage");
  const gone = await ctx.db.delete(communityOrganisers).where(and(eq(communityOrganisers.communityId, c.id), eq(communityOrganisers.userId, userId))).returning();
  if (gone.length === 0) throw new NotFoundError(msg("communities.errors.organiserNotFound"));
}

// ---------------------------------------------------------------- for other features (through index.ts)

/** Slug and name of each community, for lists that show where an event belongs. */
export async function communityNames(db: Db, ids: readonly string[]): Promise<Map<string, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: communities.id, slug: communities.slug, name: communities.name }).from(communities).where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

export async function communitiesOrganisedBy(db: Db, userId: string): Promise<{ slug: string; name: string }[]> {
  return db
    .select({ slug: communities.slug, name: communities.name })
    .from(communityOrganisers)
    .innerJoin(communities, eq(communities.id, communityOrganisers.communityId))
    .where(eq(communityOrganisers.userId, userId));
}

export async function organiserEmails(db: Db, communityId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(communityOrganisers).innerJoin(users, eq(users.id, communityOrganisers.userId)).where(eq(communityOrganisers.communityId, communityId));
  return rows.map((r) => r.email);
}

export async function addOrganisers(tx: Db, communityId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length) await tx.insert(communityOrganisers).values(userIds.map((userId) => ({ communityId, userId }))).onConflictDoNothing();
}

/** Inserts a community (an import, the demo); null when the slug is taken. */
export async function insertCommunity(tx: Db, input: CreateCommunityBody): Promise<Row | null> {
  const [c] = await tx.insert(communities).values(input).onConflictDoNothing().returning();
  return c ?? null;
}

export async function communityCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(communities);
  return row?.n ?? 0;
}

/** The community_organiser role, for the permission table. */
export const communityRoles: RoleResolver = async (db, actor, scope) => {
  if (!scope.communityId) return [];
  const [org] = await db
    .select({ userId: communityOrganisers.userId })
    .from(communityOrganisers)
    .where(and(eq(communityOrganisers.communityId, scope.communityId), eq(communityOrganisers.userId, actor.id)));
  return org ? ["community_organiser"] : [];
};

/** Organising a community ends with the account. */
export async function forgetOrganiser(tx: Db, userId: string): Promise<void> {
  await tx.delete(communityOrganisers).where(eq(communityOrganisers.userId, userId));
}
