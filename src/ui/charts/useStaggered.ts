/**
 * Chart updates take turns, each a transition, each chart at most about once a second.
 *
 * A recharts redraw costs 10-30 ms of main-thread time on a 2-core machine, much of it in re-renders its
 * store triggers (some at the next animation frame). So:
 * - when a chart's props change it waits for its turn (redrawTurns): one chart at a time, the next one a
 *   frame after the previous one committed, so no two charts' pieces share a task;
 * - the redraw is a transition: React renders it in slices of a few milliseconds, and recharts' store
 *   re-renders run in later tasks, so the page answers input and paints between the pieces;
 * - a chart redraws at most once per REDRAW_INTERVAL_MS; updates in between fold into the next redraw
 *   (a short run's epochs end many times a second; nobody reads a chart that fast);
 * - while `hold` is true (a chart scrolled out of view while a run goes) it does not redraw at all, and
 *   catches up in its turn once `hold` turns false;
 * - during a turn the page claims a core from the run's kernel helper threads (src/services/pageClaim.ts).
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { claimCore } from '../../services/pageClaim.ts';
import { RedrawTurns } from './redrawTurns.ts';

const REDRAW_INTERVAL_MS = 1000;

const turns = new RedrawTurns(REDRAW_INTERVAL_MS, {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  requestFrame: (fn) => void requestAnimationFrame(fn),
}, claimCore);

/** `value`, as last drawn: it catches up in the chart's own turn, once nothing holds it. */
export function useStaggered<T>(value: T, hold = false): T {
  const [shown, setShown] = useState(value);
  const owner = useRef({}).current;
  const latest = useRef(value);
  const drawn = useRef(shown);
  latest.current = value;
  drawn.current = shown;
  useEffect(() => {
    if (Object.is(value, shown)) return;
    if (hold) {
      turns.forget(owner);
      return;
    }
    turns.enqueue(owner, () => {
      if (Object.is(latest.current, drawn.current)) turns.finished(owner);
      else startTransition(() => setShown(latest.current));
    });
  }, [value, shown, owner, hold]);
  // The redraw has committed: the next chart's turn.
  useEffect(() => turns.finished(owner), [shown, owner]);
  useEffect(() => () => turns.forget(owner), [owner]);
  return shown;
}
