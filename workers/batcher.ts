/**
 * Batches events on their way out of the worker: at most one message about every `intervalMs`, with
 * consecutive step events collapsed to the latest. Terminal events go out at once.
 */
export interface Batcher<E> {
  push(event: E): void;
  flush(): void;
}

export function createBatcher<E extends { type: string }>(send: (batch: E[]) => void, intervalMs: number, urgent: (e: E) => boolean): Batcher<E> {
  let queue: E[] = [];
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    last = performance.now();
    send(batch);
  };
  return {
    push(event) {
      if (event.type === 'step' && queue.at(-1)?.type === 'step') queue[queue.length - 1] = event;
      else queue.push(event);
      const since = performance.now() - last;
      if (urgent(event) || since >= intervalMs) flush();
      else timer ??= setTimeout(flush, intervalMs - since);
    },
    flush,
  };
}
