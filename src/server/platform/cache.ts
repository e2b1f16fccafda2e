import type { Bus } from "./bus.js";

/**
 * A small read-through cache of serialised JSON for hot public reads (the event list),
 * dropped whenever the bus says the underlying data changed. On PostgreSQL the message
 * reaches every app process through LISTEN/NOTIFY; the TTL bounds staleness for a change
 * made where no message was published (e.g. SQL typed by hand).
 */
export class JsonCache {
  private readonly entries = new Map<string, { json: string; expires: number }>();

  constructor(
    bus: Bus,
    topic: string,
    private readonly opts: { ttlMs: number; maxEntries: number },
  ) {
    bus.subscribe(topic, () => this.entries.clear());
  }

  async get(key: string, load: () => Promise<unknown>): Promise<RawJson> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return new RawJson(hit.json);
    const json = JSON.stringify(await load());
    if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { json, expires: now + this.opts.ttlMs });
    return new RawJson(json);
  }
}

/** A response body that is already JSON text: the router sends it as is. */
export class RawJson {
  constructor(readonly json: string) {}
}
