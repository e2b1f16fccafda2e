import { describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { useTestApp } from "../../test-support/app.js";
import { enqueueMail, enqueueMails, mailPriority } from "./outbox.js";
import { MAIL_PRIORITY, outbox } from "./tables.js";
import { render, type TemplateName } from "./templates.js";

const t = useTestApp();
const vars = { name: "Ada", site: "Plenary", link: "http://plenary.test/x", linkLabel: "Open" };

describe("the outbox", () => {
  it("writes a batch larger than one statement's chunk once each, and answers the ids in the order given", async () => {
    const tag = `chunk-${Date.now()}`;
    const mails = Array.from({ length: 2_501 }, (_, i) => ({ to: `${tag}-${i}@example.org`, template: "account.verify" as const, vars }));
    const ids = await t().ctx.db.transaction((tx) => enqueueMails(tx, "plenary.test", mails));
    expect(ids).toHaveLength(2_501);
    expect(new Set(ids).size).toBe(2_501);
    const rows = await t().ctx.db.select({ id: outbox.id, to: outbox.to }).from(outbox).where(inArray(outbox.id, ids));
    const byId = new Map(rows.map((r) => [Number(r.id), r.to]));
    expect(ids.map((id) => byId.get(id))).toEqual(mails.map((m) => m.to));
  });

  it("puts the mails someone waits for at a screen ahead of everything else", () => {
    for (const template of ["account.verify", "account.signin-link", "account.reset", "registration.verify"] as const) expect(mailPriority(template)).toBe(MAIL_PRIORITY.transactional);
    expect(mailPriority("registration.declined")).toBe(MAIL_PRIORITY.normal);
  });

  it("renders in the mail's locale, in English when it names none, and keeps a mail rendered beforehand as it is", async () => {
    const template: TemplateName = "account.verify";
    const [en, de, own] = await t().ctx.db.transaction(async (tx) => [
      await enqueueMail(tx, "plenary.test", { to: "en@example.org", template, vars }),
      await enqueueMail(tx, "plenary.test", { to: "de@example.org", template, locale: "de", vars }),
      (await enqueueMails(tx, "plenary.test", [{ to: "own@example.org", template, rendered: { subject: "Our own words", text: "Hello\n", html: "<p>Hello</p>" } }]))[0]!,
    ]);
    const rows = await t().ctx.db.select().from(outbox).where(inArray(outbox.id, [en, de, own]));
    const subject = (id: number) => rows.find((r) => Number(r.id) === id)!.subject;
    expect(subject(en)).toBe(render(template, "en", vars).subject);
    expect(subject(de)).toBe(render(template, "de", vars).subject);
    expect(subject(de)).not.toBe(subject(en));
    expect(subject(own)).toBe("Our own words");
  });
});
