import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import type { LedgerView, PaymentBody } from "./schema.js";
import { donations, ledgerEntries as L, invitationRequests as R, type LedgerKind } from "./tables.js";
import { eventForOrganiser, lockSettings } from "./event-registration.js";
import { netPaid, ledgerTotals, ledger } from "./ledger.js";

/** Recording fees (payments, waivers, refunds) and their transfer to the beneficiary. */

/**
 * How fees are collected. A provider turns an organiser's (or, later, a payment service's)
 * record of money into a ledger entry; the ledger itself stays the same whoever collected.
 */
export interface PaymentProvider {
  readonly id: string;
  readonly methods: readonly string[];
  /** Checks a record and returns what the ledger stores; throws ValidationError when it is incomplete. */
  record(input: { kind: LedgerKind; method: string; amount: number; currency: string; reference: string }): { provider: string; method: string; reference: string };
}

/** Built in: the organiser records a bank transfer, cash at the door or a waiver, with a reference. */
export const manualProvider: PaymentProvider = {
  id: "manual",
  methods: ["bank_transfer", "cash", "waiver"],
  record(input) {
    if (!this.methods.includes(input.method)) throw new ValidationError("Unknown payment method.", { method: [`Choose one of: ${this.methods.join(", ")}.`] });
    if ((input.kind === "waiver") !== (input.method === "waiver")) throw new ValidationError("A waiver is recorded with the method 'waiver', and only a waiver is.", { method: [input.kind === "waiver" ? "Use the method 'waiver' for a waiver." : "A payment or refund is a bank transfer or cash."] });
    if (input.method === "bank_transfer" && !input.reference) throw new ValidationError("Give the bank transfer's reference.", { reference: ["The reference on the bank statement, so the payment can be traced."] });
    return { provider: "manual", method: input.method, reference: input.reference };
  },
};

export const PROVIDERS: Record<string, PaymentProvider> = { manual: manualProvider };

export async function recordPayment(ctx: AppContext, target: EventTarget, input: PaymentBody): Promise<LedgerView> {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, e.id);
    const [r] = await tx.select().from(R).where(and(eq(R.id, input.requestId), eq(R.eventId, e.id)));
    if (!r) throw new NotFoundError(msg("registration.errors.requestOfEventNotFound"));
    const currency = input.currency ?? s.feeCurrency;
    if (currency !== s.feeCurrency) throw new ValidationError(msg("registration.errors.wrongCurrency", { currency: s.feeCurrency }), { currency: [msg("registration.errors.useCurrency", { currency: s.feeCurrency })] });
    if (input.kind !== "refund" && !["invited", "confirmed"].includes(r.state)) throw new ConflictError("not_attending", msg("registration.errors.notAttending", { state: r.state }), undefined, { state: r.state });
    if (input.kind === "waiver" && !s.waiversAllowed) throw new ConflictError("waivers_not_allowed", msg("registration.errors.waiversNotAllowed"), { kind: [msg("registration.errors.waiversOff")] });
    if (input.kind === "refund" && input.amount === undefined) throw new ValidationError(msg("registration.errors.refundAmount"), { amount: [msg("registration.errors.refundAmountField")] });
    const amount = input.amount ?? s.feeAmount;
    if (amount <= 0) throw new ValidationError(msg("registration.errors.noFeeAmount"), { amount: [msg("registration.errors.giveAmount")] });
    if (input.kind === "refund") {
      const [row] = await tx.select({ net: netPaid(sql`${r.id}::uuid`) }).from(R).where(eq(R.id, r.id));
      if (amount > (row?.net ?? 0)) throw new ConflictError("refund_too_large", msg("registration.errors.refundTooLarge", { net: row?.net ?? 0 }), { amount: [msg("registration.errors.atMost", { amount: row?.net ?? 0 })] });
    }
    const provider = PROVIDERS.manual!;
    const stored = provider.record({ kind: input.kind, method: input.method, amount, currency, reference: input.reference });
    await tx.insert(L).values({ eventId: e.id, requestId: r.id, kind: input.kind, ...stored, amount, currency, recordedBy: target.permit.actor.kind === "user" ? target.permit.actor.id : null, recordedAt: ctx.now() });
  });
  return ledger(ctx, target);
}

/** Records the transfer of everything owed to the beneficiary; this closes the ledger until more fees come in. */
export async function recordDonation(ctx: AppContext, target: EventTarget, reference: string): Promise<LedgerView> {
  const { e } = await eventForOrganiser(ctx, target, "registration.manage");
  await ctx.db.transaction(async (tx) => {
    const s = await lockSettings(tx, e.id);
    if (!s.beneficiaryName) throw new ConflictError("no_beneficiary", msg("registration.errors.noBeneficiary"));
    const t = await ledgerTotals(tx, e.id, s);
    if (t.owedToBeneficiary <= 0) throw new ConflictError("nothing_owed", msg("registration.errors.nothingOwed"), undefined, { owedToBeneficiary: t.owedToBeneficiary });
    await tx.insert(donations).values({ eventId: e.id, amount: t.owedToBeneficiary, currency: s.feeCurrency, beneficiaryName: s.beneficiaryName, reference, recordedBy: target.permit.actor.kind === "user" ? target.permit.actor.id : null, recordedAt: ctx.now() });
  });
  return ledger(ctx, target);
}
