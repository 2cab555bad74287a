/**
 * The page's side of a worker's life lock (workers/lifeLock.ts): once the worker holds its lock, the page
 * asks for it too, and is granted it when the worker has ended: then `onEnded` runs (unless the worker's
 * end was already seen, `gone`). Nothing happens where the browser has no Web Locks.
 */
let count = 0;

export function watchLifeLock(hold: (name: string) => Promise<boolean>, gone: Promise<unknown>, onEnded: () => void): void {
  if (!navigator.locks || !globalThis.crypto?.randomUUID) return;
  const name = `prunefuse-lab/worker/${crypto.randomUUID()}/${++count}`;
  void Promise.race([hold(name), gone.then(() => false)])
    .then((held) => {
      if (held) void navigator.locks.request(name, () => onEnded());
    })
    .catch(() => undefined);
}
