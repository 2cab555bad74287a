/**
 * Chart updates take turns: when a chart's props change, it waits in a queue and redraws in its own
 * task (flushSync inside a timer callback), one chart per task. A recharts redraw ends with a synchronous
 * re-render from its internal store, so several charts updating in one commit would add up to one long
 * task; one per task keeps each short and lets the page handle input between them.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

const queue = new Map<object, () => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function pump(): void {
  timer = null;
  const first = queue.entries().next();
  if (!first.done) {
    const [owner, job] = first.value;
    queue.delete(owner);
    job();
  }
  if (queue.size > 0) timer = setTimeout(pump, 0);
}

function enqueue(owner: object, job: () => void): void {
  queue.delete(owner);
  queue.set(owner, job);
  timer ??= setTimeout(pump, 0);
}

/** `value`, as last drawn: it catches up in the chart's own turn. */
export function useStaggered<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const owner = useRef({}).current;
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (Object.is(value, shown)) return;
    enqueue(owner, () => flushSync(() => setShown(latest.current)));
  }, [value, shown, owner]);
  useEffect(() => () => void queue.delete(owner), [owner]);
  return shown;
}
