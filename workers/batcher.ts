/**
 * Batches events on their way out of the worker: at most one message about every `intervalMs`, with
 * consecutive step events collapsed to the latest. Terminal events go out at once. `drain()` sends what
 * is queued and resolves once the receiver has taken every batch sent so far, so a reply sent after it
 * (the run's end) cannot overtake the events (they travel on another message port).
 */
export interface Batcher<E> {
  push(event: E): void;
  drain(): Promise<void>;
}

export function createBatcher<E extends { type: string }>(send: (batch: E[]) => Promise<unknown>, intervalMs: number, urgent: (e: E) => boolean): Batcher<E> {
  let queue: E[] = [];
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delivered: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    last = performance.now();
    const sent = send(batch).catch(() => undefined);
    delivered = Promise.all([delivered, sent]);
  };
  return {
    push(event) {
      if (event.type === 'step' && queue.at(-1)?.type === 'step') queue[queue.length - 1] = event;
      else queue.push(event);
      const since = performance.now() - last;
      if (urgent(event) || since >= intervalMs) flush();
      else timer ??= setTimeout(flush, intervalMs - since);
    },
    async drain() {
      flush();
      await delivered;
    },
  };
}
