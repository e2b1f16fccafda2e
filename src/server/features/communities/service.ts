import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { authorize, type Actor } from "../../platform/permissions.js";
import { findUserByEmail } from "../accounts/service.js";
import { users } from "../accounts/tables.js";
import type { CommunityView, CreateCommunityBody, UpdateCommunityBody } from "./schema.js";
import { communities, communityOrganisers } from "./tables.js";

type Row = typeof communities.$inferSelect;

export function toView(c: Row): CommunityView {
  return { id: c.id, slug: c.slug, name: c.name, description: c.description, descriptionHtml: renderMarkdown(c.description), website: c.website };
}

export async function communityBySlug(db: Db, slug: string): Promise<Row> {
  const [c] = await db.select().from(communities).where(eq(communities.slug, slug));
  if (!c) throw new NotFoundError(`Community '${slug}'`);
  return c;
}

export async function listCommunities(ctx: AppContext) {
  const rows = await ctx.db.select().from(communities).orderBy(asc(communities.name));
  return { communities: rows.map(toView) };
}

export async function createCommunity(ctx: AppContext, actor: Actor, input: CreateCommunityBody, db: Db = ctx.db): Promise<CommunityView> {
  await authorize(db, actor, "community.create");
  const [c] = await db.insert(communities).values(input).onConflictDoNothing().returning();
  if (!c) throw new ConflictError("slug_taken", `The address '${input.slug}' is taken.`, { slug: ["This address is taken."] });
  return toView(c);
}

export async function updateCommunity(ctx: AppContext, actor: Actor, slug: string, input: UpdateCommunityBody): Promise<CommunityView> {
  const c = await communityBySlug(ctx.db, slug);
  await authorize(ctx.db, actor, "community.update", { communityId: c.id });
  if (Object.keys(input).length === 0) return toView(c);
  const [u] = await ctx.db.update(communities).set(input).where(eq(communities.id, c.id)).returning();
  await ctx.bus.publish(EVENTS_CHANGED);
  return toView(u!);
}

export async function listOrganisers(ctx: AppContext, actor: Actor, slug: string) {
  const c = await communityBySlug(ctx.db, slug);
  await authorize(ctx.db, actor, "community.organisers.manage", { communityId: c.id });
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(communityOrganisers)
    .innerJoin(users, eq(users.id, communityOrganisers.userId))
    .where(eq(communityOrganisers.communityId, c.id))
    .orderBy(asc(users.name));
  return { organisers: rows };
}

export async function addOrganiser(ctx: AppContext, actor: Actor, slug: string, email: string) {
  const c = await communityBySlug(ctx.db, slug);
  await authorize(ctx.db, actor, "community.organisers.manage", { communityId: c.id });
  const u = await findUserByEmail(ctx.db, email);
  if (!u) throw new NotFoundError(`An account for ${email}`);
  await ctx.db.insert(communityOrganisers).values({ communityId: c.id, userId: u.id }).onConflictDoNothing();
  return listOrganisers(ctx, actor, slug);
}

export async function removeOrganiser(ctx: AppContext, actor: Actor, slug: string, userId: string): Promise<void> {
  const c = await communityBySlug(ctx.db, slug);
  await authorize(ctx.db, actor, "community.organisers.manage", { communityId: c.id });
  const gone = await ctx.db.delete(communityOrganisers).where(and(eq(communityOrganisers.communityId, c.id), eq(communityOrganisers.userId, userId))).returning();
  if (gone.length === 0) throw new NotFoundError("That organiser");
}
