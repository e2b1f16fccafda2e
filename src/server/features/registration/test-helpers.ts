import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { TestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import { outbox } from "../../platform/mail/tables.js";
import { createVerifiedUser } from "../accounts/index.js";
import { linkToken, newSalt } from "./status-link.js";
import { invitationRequests, registrationSettings } from "./tables.js";

/** Test fixtures for registration: an event with settings, an organiser, requests in bulk. */
export async function registrationFixture(ctx: AppContext, settings: Partial<typeof registrationSettings.$inferInsert> = {}) {
  const organiser = await makeUser(ctx);
  const community = await makeCommunity(ctx);
  const event = await makeEvent(ctx, community.id, { kind: "hackathon" });
  await grant(ctx, event.id, organiser.id, "organiser");
  const now = ctx.now();
  await ctx.db.insert(registrationSettings).values({
    eventId: event.id,
    capacity: 10,
    opensAt: new Date(now.getTime() - 86400_000),
    closesAt: new Date(now.getTime() + 60 * 86400_000),
    feeAmount: 1500,
    feeCurrency: "USD",
    beneficiaryName: "Example Beneficiary",
    stipendBudget: 100_000,
    stipendCurrency: "USD",
    ...settings,
  });
  const base = `/api/v1/communities/${community.slug}/events/${event.slug}/registration`;
  return { organiser, community, event, base };
}

/** Inserts requests straight into the table (fast), in the given state. */
export async function insertRequests(ctx: AppContext, eventId: string, n: number, state: (typeof invitationRequests.$inferInsert)["state"], extra: Partial<typeof invitationRequests.$inferInsert> = {}) {
  const tag = randomBytes(3).toString("hex");
  const users = [];
  for (let i = 0; i < n; i++) users.push(await createVerifiedUser(ctx, ctx.db, { email: `bulk-${tag}-${i}@example.org`, name: `Bulk ${tag} ${i}`, password: "x".repeat(12) }));
  const now = ctx.now();
  const rows = await ctx.db
    .insert(invitationRequests)
    .values(
      users.map((u, i) => ({
        eventId,
        userId: u.id,
        email: u.email,
        name: u.name,
        state,
        answers: { workOn: "things", extra: {} },
        linkSalt: newSalt(),
        requestedAt: new Date(now.getTime() - (n - i) * 60_000),
        answerBy: new Date(now.getTime() + 5 * 86400_000),
        ...(state === "invited" ? { invitedAt: now, confirmBy: new Date(now.getTime() + 7 * 86400_000) } : {}),
        ...extra,
      })),
    )
    .returning();
  return rows.map((r) => ({ ...r, token: linkToken(ctx, r.id, r.linkSalt) }));
}

export async function mailsTo(ctx: AppContext, email: string) {
  return ctx.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.id));
}

export function linkFrom(text: string): { requestId: string; token: string } {
  const m = /\/registration\/(?:verify\?request=)?([0-9a-f-]{36})[?&]token=([\w-]+)/.exec(text);
  if (!m) throw new Error(`no registration link in: ${text}`);
  return { requestId: m[1]!, token: m[2]! };
}

export type { SignedIn, TestApp };
export { makeUser };
