/**
 * A worker's life lock: the worker takes a Web Lock and never lets go, so the page's request for the same
 * lock is granted exactly when the worker ends, however it ends (closed, terminated, crashed).
 * Resolves true once held; false where the browser has no Web Locks.
 */
export async function holdLifeLock(name: string): Promise<boolean> {
  if (!navigator.locks) return false;
  await new Promise<void>((held) => {
    void navigator.locks.request(name, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
  return true;
}
