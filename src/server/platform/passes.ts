import type { Bus } from "./bus.js";

/**
 * Runs a background pass (send what is queued) when woken: by a bus topic, by a poll
 * timer, or by hand. Passes never overlap; a wake-up during a pass runs exactly one more
 * pass after it, so nothing that arrived meanwhile waits for the next poll.
 */
export class PassRunner {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Wakes on `topic` and every `pollMs`, and runs a first pass now. */
  start(bus: Bus, topic: string, pollMs: number): void {
    this.unsubscribe = bus.subscribe(topic, () => this.kick());
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the current one. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .then(() => undefined)
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** No more passes; resolves when the one in flight has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
