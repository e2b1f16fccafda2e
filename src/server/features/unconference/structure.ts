import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ValidationError, type FieldErrors } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import type { SettingsBody, StructureBody, StructureView } from "./schema.js";
import { bumpRevision, loadState, structureOf } from "./state.js";
import { unconfAreas, unconfDays, unconfFixed, unconfSettings, unconfSlots, unconfTopics } from "./tables.js";

/**
 * The frame topics are placed in: days, slots, work areas and fixed items, saved as a whole in
 * one transaction (the form sends the complete structure), so a refused save changes nothing.
 * Slots and areas keep their ids when sent again; a topic whose slot or area is gone goes back
 * to the unplaced list.
 */
export async function getStructure(ctx: AppContext, { event, communitySlug, permit }: EventTarget): Promise<StructureView> {
  permit.require("unconference.organise");
  return structureOf(await loadState(ctx.db, event), communitySlug);
}

/** Ids the form sent that are not this board's (a slot or area of another event, or deleted meanwhile). */
function unknownIds(known: readonly { id: string }[], input: readonly { id?: string | undefined }[], field: string): FieldErrors {
  const fields: FieldErrors = {};
  input.forEach((x, i) => {
    if (x.id && !known.some((k) => k.id === x.id)) fields[`${field}.${i}.id`] = [msg("unconference.form.unknown")];
  });
  return fields;
}

export async function setStructure(ctx: AppContext, target: EventTarget, input: StructureBody): Promise<StructureView> {
  target.permit.require("unconference.organise");
  const { event } = target;
  await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, event, { lock: true });
    const fields: FieldErrors = {};
    input.days.forEach((d, i) => {
      if (d.date < event.startDate || d.date > event.endDate) fields[`days.${i}.date`] = [msg("unconference.form.dayOutsideEvent", { start: event.startDate, end: event.endDate })];
    });
    Object.assign(fields, unknownIds(s.slots, input.slots, "slots"), unknownIds(s.areas, input.areas, "areas"));
    if (Object.keys(fields).length) throw new ValidationError(msg("errors.invalidBody", { count: Object.keys(fields).length }), fields);

    const keptSlots = input.slots.flatMap((x) => (x.id ? [x.id] : []));
    const keptAreas = input.areas.flatMap((x) => (x.id ? [x.id] : []));
    // Labels are unique per event: clear the ones being replaced first so areas may swap labels.
    await tx.delete(unconfAreas).where(and(eq(unconfAreas.eventId, event.id), keptAreas.length ? notInArray(unconfAreas.id, keptAreas) : undefined));
    await tx.delete(unconfSlots).where(and(eq(unconfSlots.eventId, event.id), keptSlots.length ? notInArray(unconfSlots.id, keptSlots) : undefined));
    if (keptAreas.length) await tx.update(unconfAreas).set({ label: sql`${unconfAreas.id}::text` }).where(inArray(unconfAreas.id, keptAreas));
    for (const x of input.slots) {
      const row = { date: x.date, startTime: x.startTime, endTime: x.endTime };
      if (x.id) await tx.update(unconfSlots).set(row).where(eq(unconfSlots.id, x.id));
      else await tx.insert(unconfSlots).values({ eventId: event.id, ...row });
    }
    for (const [position, x] of input.areas.entries()) {
      const row = { label: x.label, capacity: x.capacity, features: [...new Set(x.features)], position };
      if (x.id) await tx.update(unconfAreas).set(row).where(eq(unconfAreas.id, x.id));
      else await tx.insert(unconfAreas).values({ eventId: event.id, ...row });
    }
    await tx.delete(unconfDays).where(eq(unconfDays.eventId, event.id));
    await tx.insert(unconfDays).values(input.days.map((d) => ({ eventId: event.id, ...d })));
    await tx.delete(unconfFixed).where(eq(unconfFixed.eventId, event.id));
    if (input.fixed.length) await tx.insert(unconfFixed).values(input.fixed.map((f) => ({ eventId: event.id, ...f })));
    // A pin whose place is gone is no pin.
    await tx
      .update(unconfTopics)
      .set({ pinned: false, areaId: null, slotId: null })
      .where(and(eq(unconfTopics.eventId, event.id), or(isNull(unconfTopics.areaId), isNull(unconfTopics.slotId))));
    await bumpRevision(tx, event.id, ctx.now());
  });
  return getStructure(ctx, target);
}

export async function updateSettings(ctx: AppContext, target: EventTarget, input: SettingsBody): Promise<StructureView> {
  target.permit.require("unconference.organise");
  await ctx.db.transaction(async (tx) => {
    await loadState(tx, target.event, { lock: true });
    if (Object.keys(input).length) await tx.update(unconfSettings).set({ ...input, updatedAt: ctx.now() }).where(eq(unconfSettings.eventId, target.event.id));
  });
  return getStructure(ctx, target);
}
