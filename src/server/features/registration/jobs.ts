import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { eventById, eventsByIds } from "../events/index.js";
import { invitationRequests as R } from "./tables.js";
import { lockSettings } from "./event-registration.js";
import { formatWhen, mailRequests } from "./mails.js";
import { promoteFromWaitingList } from "./waiting-list.js";
import { REQUEST_STEPS, statesFrom } from "./rules.js";
import { requestsChanged } from "./changes.js";
import { MAIL_QUEUED } from "../../platform/mail/outbox.js";

export const REMINDER_BEFORE_MS = 2 * 86400_000;
const BATCH = 500;

export interface JobPass {
  reminded: number;
  expired: number;
  promoted: number;
}

/**
 * One pass of registration's scheduled work, in this order:
 * 1. reminders: invitations whose deadline is within 2 days and not reminded yet get one
 *    reminder mail (rows claimed with FOR UPDATE SKIP LOCKED, so two processes never remind
 *    the same person twice);
 * 2. expiry, event by event: invitations past their deadline become `expired`, and the freed
 *    places go to the waiting list (earliest request first) — both in one transaction holding
 *    the event's settings-row lock, which confirmations also take, with every mail written to
 *    the outbox in that same transaction.
 * Safe to run in several app processes at once.
 */
export async function runRegistrationJobs(ctx: AppContext): Promise<JobPass> {
  const pass: JobPass = { reminded: 0, expired: 0, promoted: 0 };
  const now = ctx.now();
  const soon = new Date(now.getTime() + REMINDER_BEFORE_MS);
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .update(R)
        .set({ reminderSentAt: now })
        .where(
          sql`${R.id} in (select ${R.id} from ${R} where ${R.state} = 'invited' and ${R.reminderSentAt} is null and ${R.confirmBy} > ${now.toISOString()}::timestamptz and ${R.confirmBy} <= ${soon.toISOString()}::timestamptz order by ${R.confirmBy} limit ${BATCH} for update skip locked)`,
        )
        .returning();
      if (rows.length === 0) return { mails: 0, events: [] as string[] };
      const evs = await eventsByIds(tx, rows.map((r) => r.eventId));
      let mails = 0;
      for (const e of evs) mails += await mailRequests(ctx, tx, e, "registration.reminder", rows.filter((x) => x.eventId === e.id), (r, locale) => ({ confirmBy: formatWhen(locale, r.confirmBy!, e.timeZone) }));
      return { mails, events: evs.map((e) => e.id) };
    });
    pass.reminded += n.mails;
    for (const id of n.events) await requestsChanged(ctx, id);
    if (n.mails < BATCH) break;
  }

  const due = await ctx.db
    .selectDistinct({ eventId: R.eventId })
    .from(R)
    .where(and(eq(R.state, "invited"), lte(R.confirmBy, now)));
  for (const { eventId } of due) {
    const r = await ctx.db.transaction(async (tx) => {
      const s = await lockSettings(tx, eventId);
      const e = await eventById(tx, eventId);
      const expired = await tx
        .update(R)
        .set({ state: REQUEST_STEPS.expire.from.invited, endedAt: now, updatedAt: now })
        .where(and(eq(R.eventId, eventId), inArray(R.state, statesFrom(REQUEST_STEPS.expire)), lte(R.confirmBy, now)))
        .returning();
      await mailRequests(ctx, tx, e, "registration.expired", expired, (x, locale) => ({ confirmBy: formatWhen(locale, x.confirmBy!, e.timeZone) }));
      const promoted = expired.length ? await promoteFromWaitingList(ctx, tx, e, s) : 0;
      return { expired: expired.length, promoted };
    });
    await requestsChanged(ctx, eventId);
    pass.expired += r.expired;
    pass.promoted += r.promoted;
  }
  if (pass.reminded || pass.expired || pass.promoted) await ctx.bus.publish(MAIL_QUEUED);
  return pass;
}

/** Runs the pass every minute (and once at start); stop() waits for a pass in flight. */
export class RegistrationJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly intervalMs = 60_000,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
    return this;
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = runRegistrationJobs(this.ctx)
      .then((p) => {
        if (p.reminded || p.expired || p.promoted) this.ctx.log.info(p, "registration jobs");
      })
      .catch((err: unknown) => this.ctx.log.error({ err }, "registration jobs failed"))
      .finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}


