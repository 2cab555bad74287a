/**
 * What crosses the workers' boundary besides configs and results, imported by both sides (the page's
 * services and store, and workers/). The lab worker's event stream is the engine's RunEvents plus a few
 * worker-side facts (which backend runs and why, what the worker is doing before the first step, a
 * lost WebGPU device). Plain data and types only: this module loads nothing.
 */
import type { BackendChoice } from '../core/config/backend.ts';
import type { Role, RunEvent } from '../core/experiment/events.ts';
import type { InferencePhase } from '../core/train/inferenceProgress.ts';

/**
 * Progress of an inference pass or a ranking (the engine's 'step' events cover training): images done of
 * total, for the network named as a step event names it. Scoring and ranking are always the selector's.
 */
export interface WorkProgress {
  type: 'work';
  phase: InferencePhase;
  track: string;
  role: Role;
  method?: string;
  round: number;
  done: number;
  total: number;
}

export type WorkerNote =
  | ({ type: 'backend' } & BackendChoice)
  | { type: 'status'; text: string }
  | { type: 'device-lost'; message: string }
  | WorkProgress;

/** `at`: when the worker emitted it (its performance.now(), ms), for rates measured in the worker's time. */
export type LabEvent = (RunEvent | WorkerNote) & { at?: number };

/** Receives events in batches (about every 100 ms), never once per step. Across comlink it returns a promise. */
export type EventSink = (events: LabEvent[]) => void | Promise<void>;

/** A file for import: its name (a path inside a folder, '/'-separated) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The lab worker's heartbeat, posted on its own (comlink ignores messages without its ids): from a timer
 * while the worker's event loop is free, and from the engine's stop checks between training steps and
 * inference batches while it computes. A busy worker can still post; a closed or hung one cannot.
 */
export const HEARTBEAT = 'prunefuse-lab/heartbeat';

export interface Heartbeat {
  kind: typeof HEARTBEAT;
  /** The worker is inside run(). */
  running: boolean;
  /** How long the page should wait for the next beat before it calls the worker unresponsive. */
  quietMs: number;
  /** Bytes held by tensors in the worker. */
  tensorBytes: number;
}

export const isHeartbeat = (data: unknown): data is Heartbeat =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === HEARTBEAT;
