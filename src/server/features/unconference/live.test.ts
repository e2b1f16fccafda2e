import { get, type ClientRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { PostgresBus } from "../../platform/bus.js";
import { assembleContext } from "../../runtime.js";
import { secondApp, useTestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import type { AgendaView, StructureView, TopicView, VersionView } from "./schema.js";

const t = useTestApp();
const closing: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of closing.reverse()) await c();
});

/** A minimal EventSource: collects `version` events with their ids. */
function subscribe(url: string, lastEventId?: string) {
  const events: { id: number; data: VersionView; at: number }[] = [];
  const req: ClientRequest = get(url, { agent: false, headers: lastEventId ? { "last-event-id": lastEventId } : {} }, (res) => {
    let buf = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) events.push({ id: Number(id), data: JSON.parse(data) as VersionView, at: Date.now() });
      }
    });
  });
  req.on("error", () => undefined);
  return {
    events,
    close: () => req.destroy(),
    async until(n: number) {
      const start = Date.now();
      while (events.length < n) {
        if (Date.now() - start > 5000) throw new Error(`only ${events.length} of ${n} events arrived`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Another app on the same database with a bus of its own: on PostgreSQL a second LISTEN connection, as a second process has. */
async function otherProcess(): Promise<FastifyInstance> {
  const { ctx } = t();
  if (ctx.database.kind !== "postgres") return secondApp(ctx);
  const bus = await PostgresBus.connect(process.env.TEST_DATABASE_URL!, ctx.database.schema);
  const ctx2 = await assembleContext(ctx.config, ctx.database, bus, { log: ctx.log });
  const { app } = await buildApp(ctx2, { serveWeb: false });
  await app.ready();
  closing.push(() => bus.close());
  return app;
}

describe("live boards and agendas", () => {
  it("streams each publish to another process's client within a second and resumes from Last-Event-ID with exactly what was missed", async () => {
    const organiser = await makeUser(t().ctx);
    const ada = await makeUser(t().ctx, { name: "Ada" });
    const c = await makeCommunity(t().ctx);
    const e = await makeEvent(t().ctx, c.id, { kind: "hackathon", startDate: "2014-05-29", endDate: "2014-05-30" });
    await grant(t().ctx, e.id, organiser.id, "organiser");
    await grant(t().ctx, e.id, ada.id, "attendee");
    const path = `/api/v1/communities/${c.slug}/events/${e.slug}/unconference`;
    const call = async <T>(method: "GET" | "POST" | "PUT", p: string, payload?: object, who: SignedIn = organiser) => {
      const res = await t().app.inject({ method, url: `${path}${p}`, headers: who.headers, ...(payload ? { payload } : {}) });
      return JSON.parse(res.body) as T;
    };
    const s = await call<StructureView>("PUT", "/structure", {
      days: [{ date: "2014-05-29", startTime: "09:00", endTime: "17:00" }],
      slots: [
        { date: "2014-05-29", startTime: "10:00", endTime: "11:00" },
        { date: "2014-05-29", startTime: "14:00", endTime: "15:00" },
      ],
      areas: [
        { label: "1", capacity: 10 },
        { label: "2", capacity: 10 },
      ],
    });
    const [s10, s14] = s.slots.map((x) => x.id);
    const [a1, a2] = s.areas.map((x) => x.id);
    const arm = await call<TopicView>("POST", "/topics", { title: "ARM" }, ada);
    const nfv = await call<TopicView>("POST", "/topics", { title: "NFV" });
    await call("PUT", `/topics/${nfv.id}/interest`, {}, ada);
    await call("PUT", `/topics/${arm.id}/place`, { areaId: a1, slotId: s10 });
    await call("PUT", `/topics/${nfv.id}/place`, { areaId: a2, slotId: s10 });

    const other = await otherProcess();
    closing.push(() => other.close());
    const base = await listening(other);
    const first = subscribe(`${base}${path}/live`);
    await new Promise((r) => setTimeout(r, 200));
    const sent = Date.now();
    expect((await call<VersionView>("POST", "/versions", { baseVersion: 0 })).number).toBe(1);
    await first.until(1);
    expect(first.events[0]!.at - sent).toBeLessThan(1000);
    expect(first.events[0]!.data.changes.map((x) => x.kind)).toEqual(["added", "added"]);

    // Ada's agenda: both topics at 10:00, a clash; her calendar has both at the board's UIDs.
    const agenda = await call<AgendaView>("GET", "/agenda", undefined, ada);
    expect(agenda.items.map((i) => [i.title, i.leading])).toEqual([["ARM", true], ["NFV", false]]);
    expect(agenda.clashes.map((x) => [[...x.topicIds].sort(), x.start])).toEqual([[[arm.id, nfv.id].sort(), s.slots[0]!.start]]);
    const feed = async () => {
      const res = await t().app.inject({ method: "GET", url: new URL(agenda.calendarUrl).pathname + new URL(agenda.calendarUrl).search });
      expect(res.statusCode).toBe(200);
      return new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    };
    const before = await feed();
    expect(before.map((v) => v.uid)).toEqual(expect.arrayContaining([`schedule-${nfv.id}@plenary.test`]));

    // The client drops; two publishes happen meanwhile; it comes back with the last id it saw.
    first.close();
    await call("PUT", `/topics/${nfv.id}/place`, { areaId: a2, slotId: s14 });
    await call("POST", "/versions", { baseVersion: 1 });
    await call("PUT", `/topics/${arm.id}/place`, { areaId: a2, slotId: s10 });
    await call("POST", "/versions", { baseVersion: 2 });
    const again = subscribe(`${base}${path}/live`, String(first.events.at(-1)!.id));
    await again.until(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.events.map((x) => x.id)).toEqual([2, 3]);
    expect(again.events.map((x) => x.data.changes.map((ch) => `${ch.kind} ${ch.title}`))).toEqual([["moved NFV"], ["moved ARM"]]);
    again.close();

    // The move raised the topic's SEQUENCE; its UID stayed; the clash is gone.
    const after = await feed();
    const seq = (list: typeof before, id: string) => list.find((v) => v.uid === `schedule-${id}@plenary.test`)!.sequence;
    expect(seq(after, nfv.id)).toBe(seq(before, nfv.id) + 1);
    expect((await call<AgendaView>("GET", "/agenda", undefined, ada)).clashes).toEqual([]);
    expect((await t().app.inject({ method: "GET", url: `${path}/agenda.ics?token=${ada.id}.forgedforgedforged` })).statusCode).toBe(404);
  }, 30_000);
});
