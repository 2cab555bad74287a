/**
 * The lab worker's heartbeat (the page's watchdog is in src/services/runController.ts). A beat goes out
 * from a timer while the event loop is free and from the engine's stop checks (before every training step
 * and inference batch) while it computes: postMessage works from a busy worker, so a long computation
 * still beats between its steps.
 *
 * Each beat says how long the page should wait for the next one (`quietMs`): the longest stretch without
 * a beat seen in this run, times a margin for the run's biggest network being slower than the one
 * measured (the MAC spread of its networks), and never under BASE_QUIET_MS. Until the run's first
 * training step the worker is loading, planning and compiling, and asks for FIRST_STEP_QUIET_MS. A
 * worker that dies is caught at once by its Web Lock (runController), not by this timeout: the timeout
 * is for a worker that hangs.
 */
import { HEARTBEAT, type Heartbeat } from '../src/protocol/workerProtocol.ts';

export const HEARTBEAT_MS = 500;
export const BASE_QUIET_MS = 5000;
export const FIRST_STEP_QUIET_MS = 60_000;
/** Beats from the engine's stop checks go out at most this often. */
const MIN_POST_MS = 250;
/** A timer this late means the event loop was blocked, not free. */
const LATE_MS = 50;

export interface Pulse {
  /** A stop check: beats unless a beat went out less than MIN_POST_MS ago. */
  tick(): void;
  runStarted(): void;
  /** The run's networks (multiply-accumulates per image): until the biggest has trained, their spread widens the window. */
  planned(macs: readonly number[]): void;
  /** A training step of a network of `macs` multiply-accumulates per image. */
  stepSeen(macs: number): void;
  runEnded(): void;
  quietMs(): number;
  stop(): void;
}

export function startPulse(post: (beat: Heartbeat) => void, tensorBytes: () => number, clock = () => performance.now()): Pulse {
  let running = false;
  let stepped = false;
  let smallest = 1;
  let biggest = 1;
  let biggestSeen = false;
  /** The longest time between two beats while the worker computed, since the run's first step. */
  let longest = 0;
  let lastPost = clock();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const quietMs = () => {
    if (running && !stepped) return FIRST_STEP_QUIET_MS;
    // 1.5: a training step (3 passes of a batch) and an inference batch (256 images) differ in size too.
    const spread = 1.5 * (biggestSeen ? 1 : biggest / smallest);
    return running ? Math.max(BASE_QUIET_MS, Math.ceil(3 * spread * longest)) : BASE_QUIET_MS;
  };
  /** `busy`: the time since the last beat was spent computing (a stop check, or a late timer). */
  const send = (busy: boolean) => {
    const t = clock();
    if (busy && running && stepped) longest = Math.max(longest, t - lastPost);
    lastPost = t;
    post({ kind: HEARTBEAT, running, quietMs: quietMs(), tensorBytes: tensorBytes() });
  };
  const schedule = () => {
    const due = clock() + HEARTBEAT_MS;
    timer = setTimeout(() => {
      send(clock() - due > LATE_MS);
      schedule();
    }, HEARTBEAT_MS);
  };
  send(false);
  schedule();

  return {
    tick() {
      if (clock() - lastPost >= MIN_POST_MS) send(true);
    },
    runStarted() {
      running = true;
      stepped = false;
      smallest = biggest = 1;
      biggestSeen = false;
      longest = 0;
      send(false);
    },
    planned(macs) {
      const positive = macs.filter((m) => m > 0);
      if (positive.length === 0) return;
      smallest = Math.min(...positive);
      biggest = Math.max(...positive);
    },
    stepSeen(macs) {
      stepped = true;
      if (macs >= biggest) biggestSeen = true;
    },
    runEnded() {
      running = false;
      send(false);
    },
    quietMs,
    stop() {
      clearTimeout(timer);
    },
  };
}
