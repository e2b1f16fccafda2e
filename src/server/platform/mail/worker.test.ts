import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { useTestApp } from "../../test-support/app.js";
import { decodeQuotedPrintable, SmtpPeer } from "../../test-support/smtp.js";
import { localMailbox, outbox } from "./tables.js";
import { enqueueMail } from "./outbox.js";
import { backoffSeconds, localTransport, MailWorker, smtpTransport } from "./worker.js";
import { render } from "./templates.js";

const t = useTestApp();
let smtp: SmtpPeer;
beforeAll(async () => {
  smtp = await SmtpPeer.start();
});
afterAll(async () => smtp.close());

async function queue(n: number, to = `r-${Math.random().toString(36).slice(2)}@example.org`): Promise<number[]> {
  const ids: number[] = [];
  await t().ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) ids.push(await enqueueMail(tx, "plenary.test", { to, template: "account.verify", vars: { name: `N${i}`, site: "Plenary", link: "http://plenary.test/verify?token=abc", linkLabel: "Confirm" } }));
  });
  return ids;
}

describe("mail outbox", () => {
  it("writes nothing when the causing transaction rolls back", async () => {
    const to = "rollback@example.org";
    await t()
      .ctx.db.transaction(async (tx) => {
        await enqueueMail(tx, "plenary.test", { to, template: "account.verify", vars: { name: "x", site: "P", link: "http://x", linkLabel: "x" } });
        throw new Error("the change failed");
      })
      .catch(() => undefined);
    expect(await t().ctx.db.select().from(outbox).where(eq(outbox.to, to))).toEqual([]);
  });

  it("delivers through a real SMTP server, once, with its Message-ID", async () => {
    const ids = await queue(3);
    const worker = new MailWorker(t().ctx, await smtpTransport(smtp.url));
    const before = smtp.messages.length;
    expect(await worker.drain()).toBe(3);
    expect(await worker.drain()).toBe(0);
    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(3);
    const rows = await t().ctx.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((r) => r.state === "sent" && r.sentAt)).toBe(true);
    expect(new Set(got.map((g) => g.messageId))).toEqual(new Set(rows.map((r) => r.messageId)));
    expect(decodeQuotedPrintable(got[0]!.raw)).toContain("http://plenary.test/verify?token=abc");
    await worker.stop();
  });

  it("retries with backoff when the server refuses, and gives up after the last attempt", async () => {
    const [id] = await queue(1);
    const worker = new MailWorker(t().ctx, await smtpTransport(smtp.url));
    smtp.failNext(1);
    expect(await worker.drain()).toBe(0);
    const [row] = await t().ctx.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row).toMatchObject({ state: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/451|unavailable/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    t().advance(backoffSeconds(1) * 1000 + 1000);
    expect(await worker.drain()).toBe(1);
    t().advance(-(backoffSeconds(1) * 1000 + 1000));
    expect(backoffSeconds(20)).toBe(3600);
    await worker.stop();
  });

  it("re-sends a message claimed by a worker that died, with the same Message-ID, after the lease", async () => {
    const [id] = await queue(1);
    // A worker claims the row and then "crashes" before sending.
    await t().ctx.db.execute(sql`update mail_outbox set state = 'sending', claimed_by = 'dead-worker', claimed_until = now() + interval '2 minutes', attempts = 1 where id = ${id!}`);
    const worker = new MailWorker(t().ctx, localTransport(t().ctx));
    expect(await worker.drain()).toBe(0);
    t().advance(3 * 60_000);
    expect(await worker.drain()).toBe(1);
    t().advance(-3 * 60_000);
    const [row] = await t().ctx.db.select().from(outbox).where(eq(outbox.id, id!));
    // Even if the dead worker had delivered it, the local mailbox keys on Message-ID: one copy.
    await localTransport(t().ctx).send({ messageId: row!.messageId, from: "x", to: row!.to, subject: row!.subject, text: row!.text, html: row!.html });
    expect(await t().ctx.db.select().from(localMailbox).where(eq(localMailbox.messageId, row!.messageId))).toHaveLength(1);
  });

  it("shares the queue between workers without sending anything twice", async () => {
    await queue(30);
    const a = new MailWorker(t().ctx, await smtpTransport(smtp.url, 3));
    const b = new MailWorker(t().ctx, await smtpTransport(smtp.url, 3));
    const before = smtp.messages.length;
    const [x, y] = await Promise.all([a.drain(), b.drain()]);
    expect(x + y).toBe(30);
    const ids = smtp.messages.slice(before).map((r) => r.messageId);
    expect(new Set(ids).size).toBe(30);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("keeps the lease of a mail while a slow server takes longer than the lease: two workers, each mail once", async () => {
    const slow = await SmtpPeer.start({ delayMs: 1500 });
    try {
      const ids = await queue(8);
      // A one-second lease against 1.5 s a message: without renewal the other worker takes over mails still being sent.
      const a = new MailWorker(t().ctx, await smtpTransport(`${slow.url}?name=a.test`, 2), { leaseSeconds: 1 });
      const b = new MailWorker(t().ctx, await smtpTransport(`${slow.url}?name=b.test`, 2), { leaseSeconds: 1 });
      const [x, y] = await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.stop(), b.stop()]);
      expect(x + y).toBe(8);
      expect(slow.messages).toHaveLength(8);
      expect(new Set(slow.messages.map((m) => m.messageId)).size).toBe(8);
      expect(new Set(slow.messages.map((m) => m.client))).toEqual(new Set(["a.test", "b.test"]));
      const rows = await t().ctx.db.select().from(outbox).where(inArray(outbox.id, ids));
      expect(rows.every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
    } finally {
      await slow.close();
    }
  }, 30_000);

  it("sends transactional mail (verification, sign-in, reset) ahead of a bulk run queued before it", async () => {
    const bulk: number[] = [];
    await t().ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) bulk.push(await enqueueMail(tx, "plenary.test", { to: `bulk-${i}@example.org`, template: "registration.declined", vars: { name: "N", event: "E", link: "http://x", linkLabel: "x", message: "" } }));
    });
    const [urgent] = await t().ctx.db.transaction(async (tx) => [await enqueueMail(tx, "plenary.test", { to: "waiting@example.org", template: "account.signin-link", vars: { name: "N", site: "P", link: "http://x", linkLabel: "x" } })]);
    const order: string[] = [];
    const worker = new MailWorker(t().ctx, { concurrency: 1, close() {}, send: async (m) => void order.push(m.to) });
    await worker.drain();
    expect(order[0]).toBe("waiting@example.org");
    expect(order.filter((to) => to.startsWith("bulk-"))).toHaveLength(20);
    const [row] = await t().ctx.db.select().from(outbox).where(eq(outbox.id, urgent!));
    expect(row!.priority).toBeLessThan((await t().ctx.db.select().from(outbox).where(eq(outbox.id, bulk[0]!)))[0]!.priority);
  });

  it("puts claimed but unsent rows back when stopping", async () => {
    const ids = await queue(3);
    await t().ctx.db.update(outbox).set({ state: "sending", claimedBy: "stopping-worker", claimedUntil: new Date(Date.now() + 60_000) }).where(inArray(outbox.id, ids));
    const worker = new MailWorker(t().ctx, localTransport(t().ctx));
    Object.defineProperty(worker, "id", { value: "stopping-worker" });
    await worker.stop();
    const rows = await t().ctx.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((r) => r.state === "pending" && r.claimedBy === null)).toBe(true);
  });
});

describe("templates", () => {
  it("renders text and escaped HTML per locale, falling back to English", () => {
    const vars = { name: "<b>Ada</b>", site: "Plenary", link: "http://x/verify?token=1&a=2", linkLabel: "Confirm" };
    const en = render("account.verify", "en", vars);
    expect(en.text).toContain("<b>Ada</b>");
    expect(en.html).toContain("&lt;b&gt;Ada&lt;/b&gt;");
    expect(en.html).toContain("token=1&amp;a=2");
    expect(render("account.verify", "de", vars).subject).toContain("Bestätigen");
    expect(render("account.verify", "xx", vars).subject).toBe(en.subject);
    expect(() => render("account.verify", "en", { name: "x" })).toThrow(/site/);
  });
});
