/**
 * Webhook delivery to a local receiver (node:http on 127.0.0.1), on PGlite and on
 * PostgreSQL (a private schema, dropped after), one app process with the real worker
 * (1 s poll, woken by the bus):
 * - steady: events emitted one per transaction, as a feature's one-line emit does (no bus
 *   publish, so the poll is what picks them up), at 1,000 deliveries a minute (one event
 *   every 240 ms to 4 endpoints) for 30 s; enqueue-to-delivery p50/p99 from the event's
 *   timestamp to its arrival at the receiver (target p99 < 2 s);
 * - burst: 5,000 deliveries queued in one transaction, then the time until the receiver has
 *   them all, as deliveries per minute (target ≥ 1,000 a minute).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { InProcessBus } from "../src/server/platform/bus.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { emitWebhook, WEBHOOKS_QUEUED } from "../src/server/platform/webhooks/emit.js";
import { newSecret } from "../src/server/platform/webhooks/signature.js";
import { webhookEndpoints } from "../src/server/platform/webhooks/tables.js";
import { WebhookWorker } from "../src/server/platform/webhooks/worker.js";
import { assembleContext } from "../src/server/runtime.js";
import { WebhookReceiver } from "../src/server/test-support/webhook-receiver.js";
import { benchDatabase, percentile, table } from "./lib.js";

export const title = "Webhooks: delivery to a local receiver";

const ENDPOINTS = 4;
const STEADY_SECONDS = 30;
const PER_MINUTE = 1_000;
const BURST = 5_000;

function payload(n: number) {
  const at = new Date().toISOString();
  return {
    event: { id: randomUUID(), slug: "hackathon", name: "Bench Hackathon", communitySlug: "bench" },
    request: { id: randomUUID(), name: `Person ${n}`, email: `p${n}@example.org`, affiliation: null, needsStipend: false, state: "confirmed" as const, requestedAt: at, answerBy: at, confirmBy: null, checkedInAt: null },
    previousState: "invited" as const,
    changedBy: "applicant" as const,
  };
}

/** Enqueue-to-delivery of each delivery, from the event's timestamp to its arrival. */
const latencies = (received: readonly { at: number; body: string }[]) => received.map((r) => r.at - Date.parse((JSON.parse(r.body) as { timestamp: string }).timestamp));

async function measure(kind: "pglite" | "postgres") {
  const database = await benchDatabase(kind, "bench_wh");
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-"));
  const receiver = await WebhookReceiver.start();
  let worker: WebhookWorker | undefined;
  try {
    const config = loadConfig({}, { dataDir, sessionSecret: "b".repeat(40), baseUrl: "http://plenary.bench", logLevel: "silent", webhookAllowPrivate: ["127.0.0.0/8"] });
    const ctx: AppContext = await assembleContext(config, database, new InProcessBus(), { log: pino({ level: "silent" }) });
    const communityId = randomUUID();
    for (let i = 0; i < ENDPOINTS; i++) await ctx.db.insert(webhookEndpoints).values({ communityId, url: receiver.url(`/e${i}`), eventTypes: ["invitation_request.confirmed"], secret: newSecret() });
    worker = new WebhookWorker(ctx).start();

    // --- steady load at the target rate, picked up by the poll
    const events = Math.round((PER_MINUTE / ENDPOINTS) * (STEADY_SECONDS / 60));
    const gapMs = (STEADY_SECONDS * 1000) / events;
    const emitMs: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < events; i++) {
      const due = t0 + i * gapMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const e0 = performance.now();
      await ctx.db.transaction((tx) => emitWebhook(ctx, tx, "invitation_request.confirmed", communityId, payload(i)));
      emitMs.push(performance.now() - e0);
    }
    await receiver.waitFor(events * ENDPOINTS, 60_000);
    const steady = latencies(receiver.received);
    const steadyCount = receiver.received.length;

    // --- a burst queued at once
    receiver.received.length = 0;
    const b0 = performance.now();
    const burst = Array.from({ length: BURST / ENDPOINTS }, (_, i) => payload(i));
    await ctx.db.transaction((tx) => emitWebhook(ctx, tx, "invitation_request.confirmed", communityId, burst));
    await ctx.bus.publish(WEBHOOKS_QUEUED);
    await receiver.waitFor(BURST, 600_000);
    const burstSeconds = (performance.now() - b0) / 1000;
    return {
      steadyCount,
      steadyP50: percentile(steady, 50),
      steadyP99: percentile(steady, 99),
      emitP50: percentile(emitMs, 50),
      burstSeconds,
      burstPerMinute: (BURST / burstSeconds) * 60,
      burstP99: percentile(latencies(receiver.received), 99),
    };
  } finally {
    await worker?.stop();
    await receiver.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    const r = await measure(kind);
    rows.push([
      kind === "pglite" ? "PGlite" : "PostgreSQL",
      `${r.steadyCount} in ${STEADY_SECONDS} s`,
      `${r.steadyP50.toFixed(0)} / ${r.steadyP99.toFixed(0)} ms`,
      `${r.emitP50.toFixed(1)} ms`,
      `${r.burstSeconds.toFixed(1)} s`,
      `${Math.round(r.burstPerMinute).toLocaleString("en")} / min`,
      `${(r.burstP99 / 1000).toFixed(1)} s`,
    ]);
  }
  return [
    `One app process, ${ENDPOINTS} endpoints on a node:http receiver on 127.0.0.1 that answers 200 at once, the real worker (1 s poll, 8 endpoints at a time, each endpoint's deliveries in order). Steady: one event per transaction every ${((STEADY_SECONDS * 1000) / Math.round((PER_MINUTE / ENDPOINTS) * (STEADY_SECONDS / 60))).toFixed(0)} ms to the ${ENDPOINTS} endpoints (${PER_MINUTE} deliveries a minute), emitted without a bus publish, so the 1 s poll picks them up as it does for a feature's one-line emit; latency is from the event's timestamp to its arrival at the receiver. Burst: ${BURST.toLocaleString("en")} deliveries queued in one transaction.`,
    "",
    table(["database", "steady deliveries", "enqueue→delivery p50 / p99 (target p99 < 2 s)", "emit, p50 (1 event, 4 endpoints)", `burst of ${BURST.toLocaleString("en")}: all delivered after`, "throughput (target ≥ 1,000 / min)", "burst p99 enqueue→delivery"], rows),
  ].join("\n");
}
