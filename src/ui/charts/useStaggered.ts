/**
 * Chart updates take turns, and each is a transition. When a chart's props change, it waits in a queue;
 * its turn starts in a task of its own and ends when its redraw has committed, so no two charts redraw
 * together. As a transition, React renders the redraw in slices of a few milliseconds and leaves
 * recharts' store-driven re-renders (the rest of a redraw) to later tasks: a redraw costs 10-30 ms of
 * main-thread time in all, and this splits it so the page answers input and paints between the pieces.
 */
import { startTransition, useEffect, useRef, useState } from 'react';

const queue = new Map<object, () => void>();
/** The chart whose redraw is under way. */
let active: object | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function pump(): void {
  timer = null;
  const first = queue.entries().next();
  if (first.done) return;
  const [owner, job] = first.value;
  queue.delete(owner);
  active = owner;
  job();
}

function schedule(): void {
  if (active === null && timer === null && queue.size > 0) timer = setTimeout(pump, 0);
}

function finished(owner: object): void {
  if (active !== owner) return;
  active = null;
  schedule();
}

function enqueue(owner: object, job: () => void): void {
  queue.delete(owner);
  queue.set(owner, job);
  schedule();
}

/** `value`, as last drawn: it catches up in the chart's own turn. */
export function useStaggered<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const owner = useRef({}).current;
  const latest = useRef(value);
  const drawn = useRef(shown);
  latest.current = value;
  drawn.current = shown;
  useEffect(() => {
    if (Object.is(value, shown)) return;
    enqueue(owner, () => {
      if (Object.is(latest.current, drawn.current)) finished(owner);
      else startTransition(() => setShown(latest.current));
    });
  }, [value, shown, owner]);
  // The redraw has committed: the next chart's turn.
  useEffect(() => finished(owner), [shown, owner]);
  useEffect(
    () => () => {
      queue.delete(owner);
      finished(owner);
    },
    [owner],
  );
  return shown;
}
