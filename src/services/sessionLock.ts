/**
 * One tab per labelling session: the tab that opens a session holds a Web Lock named after it until it closes
 * or deletes the session (or the tab goes away, which releases it), and another tab of this browser cannot
 * open or delete that session meanwhile, so two tabs never save over each other's answers. A claim waits a
 * moment for the lock (a reloaded page's predecessor may not have let go yet). Where the browser has no Web
 * Locks, every claim succeeds.
 */
const PREFIX = 'prunefuse-lab/labelling-session/';
const WAIT_MS = 1500;

const held = new Map<string, () => void>();

/** Claims the session for this tab: true when it is this tab's now (or already was), false when another tab has it. */
export async function claimSession(id: string): Promise<boolean> {
  if (held.has(id)) return true;
  if (typeof navigator === 'undefined' || !navigator.locks) return true;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  try {
    await new Promise<void>((granted, refused) => {
      navigator.locks.request(`${PREFIX}${id}`, { signal: AbortSignal.timeout(WAIT_MS) }, () => {
        granted();
        return released;
      }).catch(refused);
    });
  } catch (error) {
    // Timed out: another tab holds it. Any other failure means this browser cannot lock: no claim to make.
    return !(error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  }
  held.set(id, release);
  return true;
}

/** Lets the session go (closed or deleted in this tab). */
export function releaseSession(id: string): void {
  held.get(id)?.();
  held.delete(id);
}
