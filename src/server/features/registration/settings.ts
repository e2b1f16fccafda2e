import type { EventTarget } from "../events/index.js";
import { and, count, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { type Actor } from "../../platform/permissions.js";
import { type EventRow } from "../events/index.js";
import type { PutSettingsBody, SettingsView } from "./schema.js";
import { registrationSettings, stipendRequests } from "./tables.js";
import { type SettingsRow, visibleEvent, eventForOrganiser, settingsOf, lockSettings, placeCounts } from "./event-registration.js";
import { promoteFromWaitingList } from "./waiting-list.js";
import { budgetOf } from "./budget.js";
import { requestsChanged } from "./changes.js";
import { currencyDigits } from "../../../shared/i18n/format.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

/** Setting up an event's registration and reading it (public and organisers' views). */
export function settingsView(e: EventRow, s: SettingsRow, now: Date, counts: { confirmed: number }, forOrganiser: boolean): SettingsView {
  return {
    eventId: e.id,
    eventName: e.name,
    timeZone: e.timeZone,
    capacity: s.capacity,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    open: now >= s.opensAt && now < s.closesAt,
    responseBusinessDays: s.responseBusinessDays,
    holidays: s.holidays,
    confirmationDays: s.confirmationDays,
    feeAmount: s.feeAmount,
    feeCurrency: s.feeCurrency,
    feeInstructions: s.feeInstructions,
    beneficiaryName: s.beneficiaryName,
    beneficiaryUrl: s.beneficiaryUrl,
    waiversAllowed: s.waiversAllowed,
    stipendBudget: forOrganiser ? s.stipendBudget : null,
    stipendCurrency: s.stipendCurrency,
    questions: s.questions,
    placesLeft: Math.max(0, s.capacity - counts.confirmed),
  };
}

export async function getPublicSettings(ctx: AppContext, actor: Actor, community: string, event: string): Promise<SettingsView> {
  const e = await visibleEvent(ctx, actor, community, event);
  const s = await settingsOf(ctx.db, e.id);
  return settingsView(e, s, ctx.now(), await placeCounts(ctx.db, e.id), false);
}

export async function getSettings(ctx: AppContext, target: EventTarget): Promise<SettingsView> {
  const { e, s } = await eventForOrganiser(ctx, target, "registration.view");
  return settingsView(e, s, ctx.now(), await placeCounts(ctx.db, e.id), true);
}

export async function putSettings(ctx: AppContext, target: EventTarget, input: PutSettingsBody): Promise<SettingsView> {
  // The settings may not exist yet: the event and the caller's roles come from the route's target alone.
  target.permit.require("registration.manage");
  const e = target.event;
  const queued = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(registrationSettings).where(eq(registrationSettings.eventId, e.id)).for("update");
    const capacity = input.capacity ?? current?.capacity ?? e.capacity ?? undefined;
    const opensAt = input.opensAt ? new Date(input.opensAt) : current?.opensAt;
    const closesAt = input.closesAt ? new Date(input.closesAt) : current?.closesAt;
    const missing: FieldErrors = {};
    if (capacity === undefined) missing.capacity = [msg("registration.errors.giveCapacity")];
    if (!opensAt) missing.opensAt = [msg("registration.errors.giveOpensAt")];
    if (!closesAt) missing.closesAt = [msg("registration.errors.giveClosesAt")];
    if (Object.keys(missing).length) throw new ValidationError(msg("registration.errors.settingsIncomplete"), missing);
    if (opensAt! >= closesAt!) throw new ValidationError(msg("registration.errors.windowOrder"), { closesAt: [msg("registration.errors.windowOrderField", { opensAt: opensAt!.toISOString() })] });
    const feeAmount = input.feeAmount ?? current?.feeAmount ?? 0;
    const beneficiaryName = input.beneficiaryName ?? current?.beneficiaryName ?? "";
    if (feeAmount > 0 && !beneficiaryName) throw new ValidationError(msg("registration.errors.beneficiaryRequired"), { beneficiaryName: [msg("registration.errors.beneficiaryRequiredField")] });
    const { confirmed } = await placeCounts(tx, e.id);
    if (capacity! < confirmed) throw new ConflictError("capacity_below_confirmed", msg("registration.errors.capacityBelowConfirmed", { confirmed }), { capacity: [msg("registration.errors.atLeast", { n: confirmed })] });
    if (current) await checkStipendCommitments(tx, current, input);
    const holidays = input.holidays ? [...new Set(input.holidays)].sort() : undefined;
    const values = { ...input, capacity: capacity!, opensAt: opensAt!, closesAt: closesAt!, ...(holidays ? { holidays } : {}), updatedAt: ctx.now() };
    if (current) await tx.update(registrationSettings).set(values).where(eq(registrationSettings.eventId, e.id));
    else await tx.insert(registrationSettings).values({ ...values, eventId: e.id });
    // More places may let waitlisted people in.
    return promoteFromWaitingList(ctx, tx, e, await lockSettings(tx, e.id));
  });
  if (queued) await ctx.bus.publish(MAIL_QUEUED);
  await requestsChanged(ctx, e.id);
  return getSettings(ctx, target);
}

/**
 * Money already promised to applicants binds the stipend settings, as confirmed people bind
 * the capacity: the budget cannot drop below what is offered or accepted, and its currency
 * cannot change while an offer in it is open.
 */
export async function checkStipendCommitments(tx: Db, current: SettingsRow, input: PutSettingsBody): Promise<void> {
  const b = await budgetOf(tx, current.eventId, current);
  const committed = b.offered + b.accepted;
  const currency = current.stipendCurrency;
  if (input.stipendCurrency !== undefined && input.stipendCurrency !== currency && committed > 0) {
    const [{ n }] = (await tx.select({ n: count() }).from(stipendRequests).where(and(eq(stipendRequests.eventId, current.eventId), inArray(stipendRequests.state, ["offered", "accepted"])))) as [{ n: number }];
    throw new ConflictError("stipend_currency_locked", msg("registration.errors.currencyLocked", { count: Number(n), currency }), { stipendCurrency: [msg("registration.errors.currencyLockedField", { currency })] }, { offered: b.offered, accepted: b.accepted, currency });
  }
  if (input.stipendBudget !== undefined && input.stipendBudget < committed) {
    const amount = `${committed / 10 ** currencyDigits(currency)} ${currency}`;
    throw new ConflictError("budget_below_committed", msg("registration.errors.budgetBelowCommitted", { committed: amount }), { stipendBudget: [msg("registration.errors.budgetBelowCommittedField", { committed: amount })] }, { offered: b.offered, accepted: b.accepted, currency });
  }
}
