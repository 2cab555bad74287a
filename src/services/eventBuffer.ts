/**
 * Worker events wait here, outside React state, and go to the store about once per frame: however
 * often batches arrive, the UI renders at most once per animation frame. A timer stands in for
 * requestAnimationFrame when the tab is hidden (no frames are drawn then).
 */
import type { LabEvent } from '../protocol/workerProtocol.ts';
import { labActions } from '../store/labStore.ts';

const HIDDEN_FLUSH_MS = 250;

let pending: { id: number; events: LabEvent[] } | null = null;
let frame: number | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function flushEvents(): void {
  if (frame !== null) cancelAnimationFrame(frame);
  if (timer !== null) clearTimeout(timer);
  frame = timer = null;
  const batch = pending;
  pending = null;
  if (batch && batch.events.length > 0) labActions().applyEvents(batch.id, batch.events);
}

export function bufferEvents(id: number, events: readonly LabEvent[]): void {
  if (pending && pending.id !== id) flushEvents();
  pending ??= { id, events: [] };
  pending.events.push(...events);
  if (frame === null) frame = requestAnimationFrame(flushEvents);
  if (timer === null) timer = setTimeout(flushEvents, HIDDEN_FLUSH_MS);
}
