import { describe, expect, it } from "vitest";
import { InProcessBus, PostgresBus } from "./bus.js";

const url = process.env.TEST_DATABASE_URL;

describe("event bus", () => {
  it("delivers in process and stops after unsubscribe", async () => {
    const bus = new InProcessBus();
    const got: unknown[] = [];
    const off = bus.subscribe("mail.queued", (p) => got.push(p));
    await bus.publish("mail.queued", { n: 1 });
    off();
    await bus.publish("mail.queued", { n: 2 });
    expect(got).toEqual([{ n: 1 }]);
  });

  it.skipIf(!url)("keeps two processes in step over LISTEN/NOTIFY, and keeps schemas apart", async () => {
    const schema = `bus_${Date.now()}`;
    const a = await PostgresBus.connect(url!, schema);
    const b = await PostgresBus.connect(url!, schema);
    const other = await PostgresBus.connect(url!, `${schema}_other`);
    const heard = new Promise<unknown>((resolve) => b.subscribe("event.updated", resolve));
    let leaked = false;
    other.subscribe("event.updated", () => (leaked = true));
    await a.publish("event.updated", { id: "e1" });
    expect(await heard).toEqual({ id: "e1" });
    await new Promise((r) => setTimeout(r, 50));
    expect(leaked).toBe(false);
    await Promise.all([a.close(), b.close(), other.close()]);
  });
});
