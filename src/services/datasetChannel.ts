/**
 * Tabs agree on the imported datasets: an import or a deletion in one tab is announced on a
 * BroadcastChannel, and every other open tab re-reads its list (a dataset deleted elsewhere then shows as
 * missing, and Start is blocked, instead of running from a stale copy).
 */
export type DatasetChange = { type: 'imported' | 'deleted'; id: string; name?: string };

const NAME = 'prunefuse-lab/datasets';
let channel: BroadcastChannel | undefined;

const open = (): BroadcastChannel | undefined => {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(NAME);
  return channel;
};

export function announceDatasetChange(change: DatasetChange): void {
  open()?.postMessage(change);
}

/** Calls `onChange` for changes made in other tabs; returns the unsubscribe. */
export function onDatasetChange(onChange: (change: DatasetChange) => void): () => void {
  const c = open();
  if (!c) return () => undefined;
  const listener = (event: MessageEvent) => {
    const d = event.data as Partial<DatasetChange> | null;
    if (d && (d.type === 'imported' || d.type === 'deleted') && typeof d.id === 'string') onChange(d as DatasetChange);
  };
  c.addEventListener('message', listener);
  return () => c.removeEventListener('message', listener);
}
