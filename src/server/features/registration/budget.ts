import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { SettingsRow } from "./event-registration.js";
import { stipendRequests as S } from "./tables.js";

/** The stipend budget: what is offered, accepted and reimbursed, and what is left. */

/** Committed budget: open offers, accepted offers and reimbursements. Call inside the settings lock. */
export async function budgetOf(db: Db, eventId: string, s: SettingsRow, excludeId?: string) {
  const [row] = await db
    .select({
      offered: sql<number>`coalesce(sum(${S.amountOffered}) filter (where ${S.state} = 'offered'), 0)`.mapWith(Number),
      accepted: sql<number>`coalesce(sum(${S.amountOffered}) filter (where ${S.state} = 'accepted'), 0)`.mapWith(Number),
      reimbursed: sql<number>`coalesce(sum(${S.amountReimbursed}) filter (where ${S.state} = 'reimbursed'), 0)`.mapWith(Number),
    })
    .from(S)
    .where(excludeId ? and(eq(S.eventId, eventId), ne(S.id, excludeId)) : eq(S.eventId, eventId));
  const offered = row?.offered ?? 0;
  const accepted = row?.accepted ?? 0;
  const reimbursed = row?.reimbursed ?? 0;
  return { currency: s.stipendCurrency, total: s.stipendBudget, offered, accepted, reimbursed, left: s.stipendBudget - offered - accepted - reimbursed };
}
