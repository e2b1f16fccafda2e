import type { EventTarget } from "../events/index.js";
import { and, asc, count, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { toCsv } from "../../platform/csv.js";
import type { Db } from "../../platform/db/index.js";
import type { LedgerView } from "./schema.js";
import { donations, ledgerEntries as L, invitationRequests as R, type LedgerKind } from "./tables.js";
import { type SettingsRow, eventForOrganiser } from "./event-registration.js";

/** The fee ledger: totals, entries, donations, CSV. */
/** Paid and not refunded, per request: the one definition of a request's net payment. In a query of the requests table pass `R.id`; for one request pass its id as a value (a bare column would be read inside the subquery as the ledger's own `id`). */
export function netPaid(requestId: SQL | AnyColumn) {
  return sql<number>`coalesce((select sum(case when ${L.kind} = 'payment' then ${L.amount} when ${L.kind} = 'refund' then -${L.amount} else 0 end) from ${L} where ${L.requestId} = ${requestId}), 0)`.mapWith(Number);
}
/** Whether a request's fee was waived. */
export function feeWaived(requestId: SQL | AnyColumn) {
  return sql<boolean>`exists (select 1 from ${L} where ${L.requestId} = ${requestId} and ${L.kind} = 'waiver')`.mapWith((v) => v === true || v === "t" || v === "true");
}
/** The fee is settled: there is none, it was waived, or the net payment covers it. */
export const feeSettled = (s: Pick<SettingsRow, "feeAmount">, net: number, waived: boolean): boolean => s.feeAmount === 0 || waived || net >= s.feeAmount;

export async function ledgerTotals(db: Db, eventId: string, s: SettingsRow) {
  const sums = await db
    .select({ kind: L.kind, amount: sql<number>`coalesce(sum(${L.amount}), 0)`.mapWith(Number) })
    .from(L)
    .where(eq(L.eventId, eventId))
    .groupBy(L.kind);
  const sum = (k: LedgerKind) => sums.find((x) => x.kind === k)?.amount ?? 0;
  const [{ n }] = (await db.select({ n: count() }).from(R).where(and(eq(R.eventId, eventId), eq(R.state, "confirmed")))) as [{ n: number }];
  const [don] = await db.select({ amount: sql<number>`coalesce(sum(${donations.amount}), 0)`.mapWith(Number), n: count() }).from(donations).where(eq(donations.eventId, eventId));
  const due = Number(n) * s.feeAmount;
  const paid = sum("payment");
  const waived = sum("waiver");
  const refunded = sum("refund");
  const donated = don?.amount ?? 0;
  const owedToBeneficiary = paid - refunded - donated;
  return { due, paid, waived, refunded, outstanding: Math.max(0, due - waived - (paid - refunded)), donated, owedToBeneficiary, closed: (don?.n ?? 0) > 0 && owedToBeneficiary === 0 };
}

export async function ledger(ctx: AppContext, target: EventTarget): Promise<LedgerView> {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  const { closed, ...totals } = await ledgerTotals(ctx.db, e.id, s);
  const entries = await ctx.db
    .select({ id: L.id, requestId: L.requestId, name: R.name, email: R.email, kind: L.kind, provider: L.provider, method: L.method, amount: L.amount, currency: L.currency, reference: L.reference, recordedAt: L.recordedAt })
    .from(L)
    .leftJoin(R, eq(R.id, L.requestId))
    .where(eq(L.eventId, e.id))
    .orderBy(asc(L.recordedAt), asc(L.id));
  const dons = await ctx.db.select().from(donations).where(eq(donations.eventId, e.id)).orderBy(asc(donations.recordedAt));
  return {
    currency: s.feeCurrency,
    feeAmount: s.feeAmount,
    beneficiaryName: s.beneficiaryName,
    beneficiaryUrl: s.beneficiaryUrl,
    totals,
    closed,
    entries: entries.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })),
    donations: dons.map((d) => ({ id: d.id, amount: d.amount, currency: d.currency, beneficiaryName: d.beneficiaryName, reference: d.reference, recordedAt: d.recordedAt.toISOString() })),
  };
}

/** RFC 4180 cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export async function ledgerCsv(ctx: AppContext, target: EventTarget): Promise<string> {
  const l = await ledger(ctx, target);
  const rows: (string | number | null)[][] = l.entries.map((x) => [x.recordedAt, x.kind, x.provider, x.method, x.amount, x.currency, x.reference, x.name, x.email, x.requestId]);
  for (const d of l.donations) rows.push([d.recordedAt, "donation", "manual", "transfer to beneficiary", d.amount, d.currency, d.reference, d.beneficiaryName, null, null]);
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return toCsv(["recorded_at", "kind", "provider", "method", "amount_minor", "currency", "reference", "name", "email", "request_id"], rows);
}
