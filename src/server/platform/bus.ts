import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import type { Client } from "pg";

/**
 * Live updates between parts of the app, and between app processes: in-process for PGlite
 * (one process owns the data dir), LISTEN/NOTIFY on PostgreSQL so every process behind a
 * load balancer hears what any of them published. Publish after the change has committed.
 */
export interface BusMessage {
  topic: string;
  payload: Record<string, unknown>;
}

export interface Bus {
  publish(topic: string, payload?: Record<string, unknown>): Promise<void>;
  subscribe(topic: string, handler: (payload: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

export class InProcessBus implements Bus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: Record<string, unknown> = {}): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  subscribe(topic: string, handler: (payload: Record<string, unknown>) => void): () => void {
    this.emitter.on(topic, handler);
    return () => this.emitter.off(topic, handler);
  }

  /** Delivers a message that arrived from elsewhere (the PostgreSQL listener). */
  deliver(message: BusMessage): void {
    this.emitter.emit(message.topic, message.payload);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * NOTIFY payloads are limited to 8000 bytes: the bus carries ids and kinds, never documents.
 * A message is delivered to this process's subscribers at once, and to other processes
 * through NOTIFY; the origin id keeps it from arriving here a second time.
 */
export class PostgresBus implements Bus {
  private readonly local = new InProcessBus();
  private readonly origin = randomUUID();
  private constructor(
    private readonly client: Client,
    private readonly channel: string,
  ) {}

  static async connect(connectionString: string, schema: string): Promise<PostgresBus> {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString });
    await client.connect();
    // One channel per schema, so parallel test files on one server do not hear each other.
    const channel = `plenary_${schema}`;
    const bus = new PostgresBus(client, channel);
    client.on("notification", (n) => {
      if (n.channel !== channel || !n.payload) return;
      try {
        const message = JSON.parse(n.payload) as BusMessage & { origin?: string };
        if (message.origin !== bus.origin) bus.local.deliver(message);
      } catch {
        // A foreign or truncated payload on our channel is not ours to act on.
      }
    });
    client.on("error", () => {
      // The listener connection died; local delivery still works and readiness reports it.
    });
    await client.query(`LISTEN ${channel}`);
    return bus;
  }

  async publish(topic: string, payload: Record<string, unknown> = {}): Promise<void> {
    this.local.deliver({ topic, payload });
    await this.client.query("select pg_notify($1, $2)", [this.channel, JSON.stringify({ topic, payload, origin: this.origin })]);
  }

  subscribe(topic: string, handler: (payload: Record<string, unknown>) => void): () => void {
    return this.local.subscribe(topic, handler);
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.client.end().catch(() => undefined);
  }
}
