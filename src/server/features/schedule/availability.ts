import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { userOf } from "./public.js";
import type { MyAvailabilityBody, MyAvailabilityView } from "./schema.js";
import { bumpRevision, dayInstants } from "./state.js";
import { scheduleDays, scheduleSpeakers } from "./tables.js";

/**
 * A speaker's own availability form. Someone signed in whose account is linked to a speaker of
 * the event says which times they cannot make; the schedule keeps the rest of the conference
 * days as that speaker's availability, which the editor's rules already check (a session
 * outside it is a hard `speakerUnavailable` conflict, shown while dragging and refusing a
 * release) and the automatic draft respects. Nothing to say means available throughout.
 */
type Span = { start: number; end: number };

/** What is left of `from` after taking out `cut` (both lists of half-open spans). */
export function subtract(from: readonly Span[], cut: readonly Span[]): Span[] {
  const sorted = [...cut].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const f of from) {
    let at = f.start;
    for (const c of sorted) {
      if (c.end <= at || c.start >= f.end) continue;
      if (c.start > at) out.push({ start: at, end: c.start });
      at = Math.max(at, c.end);
    }
    if (at < f.end) out.push({ start: at, end: f.end });
  }
  return out;
}

const toSpans = (w: readonly { start: string; end: string }[]) => w.map((x) => ({ start: Date.parse(x.start), end: Date.parse(x.end) }));
const toWindows = (s: readonly Span[]) => s.map((x) => ({ start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString() }));

async function mine(ctx: AppContext, actor: Actor, event: { id: string; timeZone: string }) {
  const me = userOf(actor);
  const [speakers, days] = await Promise.all([
    ctx.db.select().from(scheduleSpeakers).where(and(eq(scheduleSpeakers.eventId, event.id), eq(scheduleSpeakers.userId, me.id))),
    ctx.db.select().from(scheduleDays).where(eq(scheduleDays.eventId, event.id)).orderBy(asc(scheduleDays.date)),
  ]);
  if (!speakers.length) throw new NotFoundError(msg("schedule.errors.notASpeaker"));
  const spans = days.map((d) => ({ date: d.date, ...dayInstants(d, event.timeZone) }));
  return { speakers, days: spans, dayspans: spans.map((d) => ({ start: d.start.getTime(), end: d.end.getTime() })) };
}

function view(event: { timeZone: string }, m: Awaited<ReturnType<typeof mine>>): MyAvailabilityView {
  // A person may be linked to more than one speaker entry; what one of them cannot make, they cannot make.
  const unavailable = m.speakers.flatMap((sp) => (sp.availability ? subtract(m.dayspans, toSpans(sp.availability)) : []));
  const merged = subtract(m.dayspans, subtract(m.dayspans, unavailable));
  return { timeZone: event.timeZone, days: m.days.map((d) => ({ date: d.date, start: d.start.toISOString(), end: d.end.toISOString() })), unavailable: toWindows(merged) };
}

export async function getMyAvailability(ctx: AppContext, actor: Actor, event: { id: string; timeZone: string }): Promise<MyAvailabilityView> {
  return view(event, await mine(ctx, actor, event));
}

export async function setMyAvailability(ctx: AppContext, actor: Actor, event: { id: string; timeZone: string }, body: MyAvailabilityBody): Promise<MyAvailabilityView> {
  const m = await mine(ctx, actor, event);
  const unavailable = toSpans(body.unavailable);
  const availability = unavailable.length ? toWindows(subtract(m.dayspans, unavailable)) : null;
  await ctx.db.transaction(async (tx) => {
    for (const sp of m.speakers) await tx.update(scheduleSpeakers).set({ availability }).where(eq(scheduleSpeakers.id, sp.id));
    await bumpRevision(tx, event.id, ctx.now());
  });
  return view(event, { ...m, speakers: m.speakers.map((sp) => ({ ...sp, availability })) });
}
