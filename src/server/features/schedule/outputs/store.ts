import type { AppContext } from "../../../platform/context.js";
import { feedBody, type FeedBody } from "../../../platform/http/feed.js";
import type { Programme } from "../../../platform/programme.js";
import { EVENTS_CHANGED, PROGRAMME_CHANGED, ROAD_CHANGED } from "../../../platform/topics.js";
import { writeFrabJson, writeFrabJson2, writeFrabXml } from "./frab.js";
import { writeCsv, writeScheduleCalendar, type CalendarSelection } from "./flat.js";
import { shape, type Shaped } from "./shape.js";

/**
 * The outputs of every event's published programme, built once per version and served as
 * bytes with their validators. A release (or a published board) says so on the bus
 * (`programme.changed`); every process then drops that event's outputs and builds the
 * main ones again at once, so no request pays for building them. Outputs of programmes
 * owned by features that publish nothing on change are rebuilt after a few minutes.
 */
export const OUTPUT_KINDS = ["xml", "json", "json2", "ics", "csv"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

const TTL_MS = 5 * 60_000;
const VARIANTS_MAX = 300;

interface Entry {
  programme: Programme | null;
  shaped: Shaped | null;
  outputs: Map<string, FeedBody>;
  expires: number;
}

/** The event's programme from whichever feature owns it (the schedule, the hackathon board, the road calendar). */
export async function programmeOf(ctx: AppContext, eventId: string): Promise<Programme | null> {
  for (const f of ctx.features) {
    const p = await f.programme?.(ctx, eventId);
    if (p) return p;
  }
  return null;
}

export const outputApiBase = (ctx: AppContext, communitySlug: string, eventSlug: string) => `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/events/${eventSlug}`;

export function outputPath(kind: OutputKind): string {
  return { xml: "schedule.xml", json: "schedule.json", json2: "schedule-v2.json", ics: "schedule.ics", csv: "schedule.csv" }[kind];
}

export class ScheduleOutputs {
  private readonly entries = new Map<string, Entry | Promise<Entry>>();
  private readonly host: string;

  constructor(private readonly ctx: AppContext) {
    this.host = new URL(ctx.config.baseUrl).host;
    ctx.bus.subscribe(PROGRAMME_CHANGED, (payload) => {
      const id = typeof payload.eventId === "string" ? payload.eventId : undefined;
      if (!id) return this.entries.clear();
      this.entries.delete(id);
      // Built now, in the background, once every other subscriber (the programme's own cache) has heard: the next reader finds the new version ready.
      setImmediate(() => {
        if (!this.entries.has(id)) void this.entry(id).catch((err: unknown) => ctx.log.warn({ err, eventId: id }, "rebuilding the schedule outputs failed"));
      });
    });
    ctx.bus.subscribe(EVENTS_CHANGED, () => this.entries.clear());
    ctx.bus.subscribe(ROAD_CHANGED, () => this.entries.clear());
  }

  private entry(eventId: string): Promise<Entry> {
    const hit = this.entries.get(eventId);
    if (hit && (hit instanceof Promise || hit.expires > Date.now())) return Promise.resolve(hit);
    const loading = this.load(eventId);
    this.entries.set(eventId, loading);
    loading.then(
      (e) => this.entries.get(eventId) === loading && this.entries.set(eventId, e),
      () => this.entries.get(eventId) === loading && this.entries.delete(eventId),
    );
    return loading;
  }

  private async load(eventId: string): Promise<Entry> {
    const programme = await programmeOf(this.ctx, eventId);
    const entry: Entry = { programme, shaped: programme ? shape(programme) : null, outputs: new Map(), expires: Date.now() + TTL_MS };
    if (entry.shaped) for (const kind of OUTPUT_KINDS) this.build(entry, kind, "");
    return entry;
  }

  /** Builds every main output of a programme (what a release triggers); exported for the benchmark. */
  static buildAll(programme: Programme, host: string, apiBase: string): Map<OutputKind, FeedBody> {
    const s = shape(programme);
    return new Map(OUTPUT_KINDS.map((k) => [k, feedBody(write(s, k, host, `${apiBase}/${outputPath(k)}`), programme.publishedAt)]));
  }

  private build(entry: Entry, kind: OutputKind, variant: string, filter?: Omit<CalendarSelection, "selfUrl">): FeedBody {
    const key = `${kind}${variant}`;
    const hit = entry.outputs.get(key);
    if (hit) return hit;
    const p = entry.programme!;
    const self = `${outputApiBase(this.ctx, p.event.communitySlug, p.event.slug)}/${outputPath(kind)}${variant}`;
    const body = kind === "ics" && filter ? writeScheduleCalendar(entry.shaped!, this.host, { ...filter, selfUrl: self }) : write(entry.shaped!, kind, this.host, self);
    const out = feedBody(body, p.publishedAt);
    if (entry.outputs.size < VARIANTS_MAX) entry.outputs.set(key, out);
    return out;
  }

  /** The programme as published (null before there is one). */
  async programme(eventId: string): Promise<Programme | null> {
    return (await this.entry(eventId)).programme;
  }

  /** One output; `variant` (a query string) and `filter` select a part of the iCalendar. Null when nothing is published. */
  async get(eventId: string, kind: OutputKind, variant = "", filter?: Omit<CalendarSelection, "selfUrl">): Promise<FeedBody | null> {
    const entry = await this.entry(eventId);
    if (!entry.programme) return null;
    return this.build(entry, kind, variant, filter);
  }

  /** A personal selection (someone's favourites): built each time, never kept. */
  async personal(eventId: string, label: string, ids: ReadonlySet<string>, selfUrl: string): Promise<FeedBody | null> {
    const entry = await this.entry(eventId);
    if (!entry.programme) return null;
    return feedBody(writeScheduleCalendar(entry.shaped!, this.host, { label, filter: (i) => ids.has(i.id), selfUrl }), entry.programme.publishedAt);
  }
}

function write(s: Shaped, kind: OutputKind, host: string, self: string): string {
  switch (kind) {
    case "xml":
      return writeFrabXml(s, self);
    case "json":
      return writeFrabJson(s, self);
    case "json2":
      return writeFrabJson2(s, self);
    case "csv":
      return writeCsv(s);
    case "ics":
      return writeScheduleCalendar(s, host, { selfUrl: self });
  }
}

const stores = new WeakMap<AppContext, ScheduleOutputs>();
/** One store per app context (per process), shared by the routes and the release. */
export function outputsOf(ctx: AppContext): ScheduleOutputs {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = new ScheduleOutputs(ctx)));
  return s;
}
