import type { Bus } from "./bus.js";

/**
 * A read-through cache whose entries are dropped when the bus says the data behind them
 * changed: in this process at once, in the others through LISTEN/NOTIFY on PostgreSQL.
 * A message whose payload names a key (through `keyOf`) drops that entry only; any other
 * message on the topic drops them all. The TTL bounds staleness for changes that publish
 * nothing (SQL typed by hand) and for values that age by themselves (an overdue count).
 */
export class BusCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    bus: Bus,
    topic: string,
    private readonly opts: { ttlMs: number; maxEntries: number; keyOf?: (payload: Record<string, unknown>) => string | undefined },
  ) {
    bus.subscribe(topic, (payload) => {
      const key = opts.keyOf?.(payload);
      if (key === undefined) this.entries.clear();
      else this.entries.delete(key);
    });
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = await load();
    if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: now + this.opts.ttlMs });
    return value;
  }
}

/** A response body that is already JSON text: the router sends it as is. */
export class RawJson {
  constructor(readonly json: string) {}
}
