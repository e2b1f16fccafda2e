/**
 * Run as a child process by features/webhooks/crash.test.ts (under tsx, with --liftoff-only,
 * which a test worker lacks: opening a PGlite data dir there costs most of a minute): opens
 * the database named by the environment, adds a community and an endpoint for RECEIVER_URL,
 * queues COUNT `invitation_request.confirmed` events in four transactions, and prints
 * `{ "secret": … }` on stdout.
 */
import { randomUUID } from "node:crypto";
import { loadConfig } from "../platform/config.js";
import { emitWebhook } from "../platform/webhooks/emit.js";
import { newSecret } from "../platform/webhooks/signature.js";
import { webhookEndpoints } from "../platform/webhooks/tables.js";
import { openContext } from "../runtime.js";
import { makeCommunity } from "./factories.js";

const count = Number(process.env.COUNT);
const ctx = await openContext(loadConfig(process.env));
const community = await makeCommunity(ctx);
const secret = newSecret();
await ctx.db.insert(webhookEndpoints).values({ communityId: community.id, url: process.env.RECEIVER_URL!, eventTypes: ["invitation_request.confirmed"], secret });
const at = new Date().toISOString();
const per = count / 4;
for (let batch = 0; batch < 4; batch++) {
  const payloads = Array.from({ length: per }, (_, i) => {
    const n = batch * per + i;
    return {
      event: { id: randomUUID(), slug: "hackathon", name: "Hackathon", communitySlug: community.slug },
      request: { id: randomUUID(), name: `Person ${n}`, email: `p${n}@example.org`, affiliation: null, needsStipend: false, state: "confirmed" as const, requestedAt: at, answerBy: at, confirmBy: null, checkedInAt: null },
      previousState: "invited" as const,
      changedBy: "applicant" as const,
    };
  });
  await ctx.db.transaction((tx) => emitWebhook(ctx, tx, "invitation_request.confirmed", community.id, payloads));
}
await ctx.close();
process.stdout.write(JSON.stringify({ secret }) + "\n");
