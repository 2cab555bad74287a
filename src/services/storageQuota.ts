/**
 * The browser's storage for this site (IndexedDB, the service worker's caches): ask for it to be kept
 * (persistent storage, so the browser does not evict imported datasets under pressure), read how much is
 * used and free, and turn a quota error into a message that says what storage ran out, how much was
 * needed and free, and what to delete. Chrome's QuotaExceededError has an empty message, so printing the
 * error alone shows nothing.
 */
import { bytes } from '../ui/format.ts';

export interface StorageInfo {
  /** Bytes this site uses and may use (the browser's estimate). */
  usage: number;
  quota: number;
  free: number;
  /** Whether the browser keeps this site's data under storage pressure; null where it cannot say. */
  persisted: boolean | null;
}

const storage = (): StorageManager | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

/** Asks the browser to keep this site's data (granted silently or refused by Chrome's heuristics); null where unsupported. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const s = storage();
  if (!s?.persist) return null;
  try {
    return (await s.persisted?.()) || (await s.persist());
  } catch {
    return null;
  }
}

export async function storageEstimate(): Promise<StorageInfo | null> {
  const s = storage();
  if (!s?.estimate) return null;
  try {
    const e = await s.estimate();
    const usage = e.usage ?? 0;
    const quota = e.quota ?? 0;
    const persisted = s.persisted ? await s.persisted().catch(() => null) : null;
    return { usage, quota, free: Math.max(0, quota - usage), persisted };
  } catch {
    return null;
  }
}

/** A quota error, whatever wraps it: DOMException QuotaExceededError (code 22), or an error carried across comlink by name. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  if (e.name === 'QuotaExceededError' || e.code === 22) return true;
  if (typeof e.message === 'string' && /quota/i.test(e.message)) return true;
  return e.cause !== undefined && isQuotaError(e.cause);
}

/** An error's text, never empty: its message, else its name, else what it is. */
export function errorText(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    const e = error as { name?: string; message?: string };
    return e.message || e.name || 'unknown error';
  }
  return String(error) || 'unknown error';
}

/**
 * A message for a failed write: for a quota error it names the storage, the bytes needed (when known)
 * and free, and what to delete; any other error gets its text. `estimate` is read when not given.
 */
export async function describeQuotaError(error: unknown, neededBytes?: number, estimate?: StorageInfo | null): Promise<string> {
  if (!isQuotaError(error)) return errorText(error);
  const info = estimate === undefined ? await storageEstimate() : estimate;
  return quotaMessage(info, neededBytes);
}

/** The quota message itself, from an estimate (exported for tests and for a check before writing). */
export function quotaMessage(info: StorageInfo | null, neededBytes?: number): string {
  const needed = neededBytes !== undefined ? ` It needs ${bytes(neededBytes)};` : '';
  const free = info
    ? ` ${bytes(info.free)} is free (${bytes(info.usage)} of this site's ${bytes(info.quota)} quota in use).`
    : ' The browser does not say how much is free.';
  return (
    `Not enough browser storage (IndexedDB) to save this.${needed}${free} ` +
    'Delete imported datasets you no longer need (the delete buttons in the dataset list), or free disk space ' +
    '(the browser gives a site a share of the free disk), then try again.'
  );
}
