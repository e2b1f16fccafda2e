import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/sql.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import type { BlockBody, DaysBody, RoomBody, RoomView, SettingsBody, SetupView, UpdateRoomBody } from "./schema.js";
import { bumpRevision, loadState, roomView, setupOf } from "./state.js";
import { scheduleBlocks, scheduleDays, scheduleRooms, scheduleSettings } from "./tables.js";

/**
 * Rooms, days, breaks and blocks: the frame sessions are placed in. Every change raises the
 * schedule's edit counter, in the same transaction, so an automatic draft computed before it
 * is not applied over it.
 */
export async function getSetup(ctx: AppContext, { event, communitySlug, permit }: EventTarget): Promise<SetupView> {
  permit.require("schedule.edit");
  return setupOf(await loadState(ctx.db, event), communitySlug);
}

async function change(ctx: AppContext, target: EventTarget, work: (tx: Db) => Promise<void>): Promise<SetupView> {
  target.permit.require("schedule.edit");
  await ctx.db.transaction(async (tx) => {
    await loadState(tx, target.event, { lock: true });
    await work(tx);
    await bumpRevision(tx, target.event.id, ctx.now());
  });
  return getSetup(ctx, target);
}

const nameTaken = (name: string) => new ConflictError("schedule_conflict", msg("schedule.errors.roomNameTaken", { name }), { name: [msg("schedule.errors.roomNameTaken", { name })] });

export function updateSettings(ctx: AppContext, target: EventTarget, input: SettingsBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    if (Object.keys(input).length) await tx.update(scheduleSettings).set(input).where(eq(scheduleSettings.eventId, target.event.id));
  });
}

export function createRoom(ctx: AppContext, target: EventTarget, input: RoomBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${scheduleRooms.position}), -1)::int` }).from(scheduleRooms).where(eq(scheduleRooms.eventId, target.event.id));
    const inserted = await tx
      .insert(scheduleRooms)
      .values({ eventId: target.event.id, name: input.name, capacity: input.capacity, position: Number(last?.max ?? -1) + 1 })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw nameTaken(input.name);
  });
}

/** Renames or resizes a room. */
export function updateRoom(ctx: AppContext, target: EventTarget, roomId: string, input: UpdateRoomBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    const [room] = await tx.select().from(scheduleRooms).where(and(eq(scheduleRooms.eventId, target.event.id), eq(scheduleRooms.id, roomId)));
    if (!room) throw new NotFoundError(msg("schedule.errors.roomNotFound"));
    if (!Object.keys(input).length) return;
    await tx
      .update(scheduleRooms)
      .set(input)
      .where(eq(scheduleRooms.id, roomId))
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw nameTaken(input.name ?? room.name);
        throw err;
      });
  });
}

export async function getRoom(ctx: AppContext, target: EventTarget, roomId: string): Promise<RoomView> {
  target.permit.require("schedule.edit");
  const [room] = await ctx.db.select().from(scheduleRooms).where(and(eq(scheduleRooms.eventId, target.event.id), eq(scheduleRooms.id, roomId)));
  if (!room) throw new NotFoundError(msg("schedule.errors.roomNotFound"));
  return roomView(room);
}

/** Puts the rooms in the given order; the list must name every room of the schedule once. */
export function orderRooms(ctx: AppContext, target: EventTarget, roomIds: readonly string[]): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    const rooms = await tx.select({ id: scheduleRooms.id }).from(scheduleRooms).where(eq(scheduleRooms.eventId, target.event.id));
    const known = new Set(rooms.map((r) => r.id));
    if (roomIds.length !== known.size || new Set(roomIds).size !== roomIds.length || roomIds.some((id) => !known.has(id))) throw new ValidationError(msg("schedule.errors.roomOrder"), { roomIds: [msg("schedule.errors.roomOrder")] });
    for (const [position, id] of roomIds.entries()) await tx.update(scheduleRooms).set({ position }).where(eq(scheduleRooms.id, id));
  });
}

/** Sessions in a deleted room go back to the unscheduled list; its own blocks go with it. */
export function deleteRoom(ctx: AppContext, target: EventTarget, roomId: string): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    const gone = await tx
      .delete(scheduleRooms)
      .where(and(eq(scheduleRooms.eventId, target.event.id), eq(scheduleRooms.id, roomId)))
      .returning();
    if (!gone.length) throw new NotFoundError(msg("schedule.errors.roomNotFound"));
    await tx.execute(sql`update schedule_sessions set starts_at = null, pinned = false where event_id = ${target.event.id} and room_id is null and starts_at is not null`);
  });
}

/** Replaces the list of days: the dates and each day's hours in the event's zone. */
export function setDays(ctx: AppContext, target: EventTarget, input: DaysBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    await tx.delete(scheduleDays).where(eq(scheduleDays.eventId, target.event.id));
    if (input.days.length) await tx.insert(scheduleDays).values(input.days.map((d) => ({ eventId: target.event.id, ...d })));
  });
}

async function checkRoom(tx: Db, eventId: string, roomId: string | null): Promise<void> {
  if (!roomId) return;
  const [room] = await tx.select({ id: scheduleRooms.id }).from(scheduleRooms).where(and(eq(scheduleRooms.eventId, eventId), eq(scheduleRooms.id, roomId)));
  if (!room) throw new ValidationError(msg("schedule.errors.roomNotFound"), { roomId: [msg("schedule.errors.roomNotFound")] });
}

export function createBlock(ctx: AppContext, target: EventTarget, input: BlockBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    await checkRoom(tx, target.event.id, input.roomId);
    await tx.insert(scheduleBlocks).values({ eventId: target.event.id, roomId: input.roomId, kind: input.kind, title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) });
  });
}

export function updateBlock(ctx: AppContext, target: EventTarget, blockId: string, input: BlockBody): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    await checkRoom(tx, target.event.id, input.roomId);
    const done = await tx
      .update(scheduleBlocks)
      .set({ roomId: input.roomId, kind: input.kind, title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
      .where(and(eq(scheduleBlocks.eventId, target.event.id), eq(scheduleBlocks.id, blockId)))
      .returning();
    if (!done.length) throw new NotFoundError(msg("schedule.errors.blockNotFound"));
  });
}

export function deleteBlock(ctx: AppContext, target: EventTarget, blockId: string): Promise<SetupView> {
  return change(ctx, target, async (tx) => {
    const done = await tx
      .delete(scheduleBlocks)
      .where(and(eq(scheduleBlocks.eventId, target.event.id), eq(scheduleBlocks.id, blockId)))
      .returning();
    if (!done.length) throw new NotFoundError(msg("schedule.errors.blockNotFound"));
  });
}
