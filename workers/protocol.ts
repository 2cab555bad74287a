/**
 * What crosses the lab worker's boundary besides configs and results: the event stream is the engine's
 * RunEvents plus a few worker-side facts (which backend runs and why, what the worker is doing before
 * the first step, a lost WebGPU device). Plain data only.
 */
import type { RunEvent } from '../src/core/experiment/events.ts';

export interface BackendChoice {
  name: string;
  reason: string;
}

export type WorkerNote =
  | { type: 'backend'; name: string; reason: string }
  | { type: 'status'; text: string }
  | { type: 'device-lost'; message: string };

export type LabEvent = RunEvent | WorkerNote;

/** Receives events in batches (about every 100 ms), never once per step. */
export type EventSink = (events: LabEvent[]) => void;

/** A file for import: its name (a path inside a folder, '/'-separated) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}
