/**
 * The order in which charts redraw (see useStaggered): one chart at a time, each at most once per
 * `interval` ms, the next one starting a frame after the previous one committed. Timers are injected so
 * the schedule can be tested without a browser. `drawing` hears when a turn starts (true) and when it has
 * ended (false): the page claims a core for that time (src/services/pageClaim.ts).
 */

export interface Timing {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Calls fn at the next animation frame (never, in a hidden tab). */
  requestFrame(fn: () => void): void;
}

/** Stands in for the next animation frame when none comes (a hidden tab draws no frames). */
const FRAME_FALLBACK_MS = 100;

interface Turn {
  job: () => void;
  notBefore: number;
}

export class RedrawTurns {
  private readonly queue = new Map<object, Turn>();
  private readonly lastStarted = new WeakMap<object, number>();
  /** The chart whose redraw is under way. */
  private active: object | null = null;
  private timer: unknown = null;
  private timerAt = Infinity;

  constructor(
    private readonly interval: number,
    private readonly timing: Timing,
    private readonly drawing: (on: boolean) => void = () => undefined,
  ) {}

  /** `owner` wants to redraw: `job` runs in its turn (a later call before then replaces it). */
  enqueue(owner: object, job: () => void): void {
    const notBefore = (this.lastStarted.get(owner) ?? -Infinity) + this.interval;
    this.queue.set(owner, { job, notBefore });
    this.schedule();
  }

  /** `owner`'s redraw has committed: the next turn starts a frame later. */
  finished(owner: object): void {
    if (this.active !== owner) return;
    const release = () => {
      this.timing.clearTimeout(fallback);
      if (this.active !== owner) return;
      this.end();
    };
    const fallback = this.timing.setTimeout(release, FRAME_FALLBACK_MS);
    this.timing.requestFrame(() => this.timing.setTimeout(release, 0));
  }

  /** `owner` is gone (unmounted): drop its turn, and end it if it was under way. */
  forget(owner: object): void {
    this.queue.delete(owner);
    if (this.active !== owner) return;
    this.end();
  }

  get waiting(): number {
    return this.queue.size;
  }

  /** The turn under way has ended: the next one, if any is due. */
  private end(): void {
    this.active = null;
    this.drawing(false);
    this.schedule();
  }

  private schedule(): void {
    if (this.active !== null || this.queue.size === 0) return;
    let soonest = Infinity;
    for (const turn of this.queue.values()) soonest = Math.min(soonest, turn.notBefore);
    const at = Math.max(soonest, this.timing.now());
    if (this.timer !== null) {
      if (this.timerAt <= at) return;
      this.timing.clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = this.timing.setTimeout(() => this.pump(), at - this.timing.now());
  }

  private pump(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = this.timing.now();
    for (const [owner, turn] of this.queue) {
      if (turn.notBefore > now) continue;
      this.queue.delete(owner);
      this.active = owner;
      this.lastStarted.set(owner, now);
      this.drawing(true);
      turn.job();
      return;
    }
    this.schedule();
  }
}
