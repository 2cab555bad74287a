/**
 * A note that an import is under way, so the next visit can say that one did not finish (a reload or a
 * closed tab ends the import worker without a word). The note is a localStorage record per import; the
 * importing tab also holds a Web Lock of the same name, so another tab that sees the note while the lock
 * is held knows the import is still going on there. The data itself is written in one IndexedDB
 * transaction, so an interrupted import leaves nothing half-written.
 */
const PREFIX = 'prunefuse-lab/import/';

export interface ImportNote {
  files: string;
  startedAt: string;
}

let counter = 0;

/** Records an import and holds its lock until `done` settles. */
export function noteImport(files: string, done: Promise<unknown>): void {
  const key = `${PREFIX}${Date.now().toString(36)}-${++counter}-${globalThis.crypto?.randomUUID?.() ?? ''}`;
  const note: ImportNote = { files, startedAt: new Date().toISOString() };
  try {
    localStorage.setItem(key, JSON.stringify(note));
  } catch {
    return; // no localStorage (private mode, full): the import still runs, unrecorded
  }
  const clear = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      /* nothing to clear */
    }
  };
  const settled = done.then(clear, clear);
  if (typeof navigator !== 'undefined' && navigator.locks) void navigator.locks.request(key, () => settled);
}

/** Imports that were noted but whose tab is gone: each is reported once (its note is removed). */
export async function unfinishedImports(): Promise<ImportNote[]> {
  let keys: string[];
  try {
    keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
  } catch {
    return [];
  }
  if (keys.length === 0) return [];
  const held = new Set<string>();
  if (typeof navigator !== 'undefined' && navigator.locks) {
    const q = await navigator.locks.query();
    for (const l of [...(q.held ?? []), ...(q.pending ?? [])]) if (l.name) held.add(l.name);
  }
  const out: ImportNote[] = [];
  for (const key of keys) {
    if (held.has(key)) continue;
    try {
      const note = JSON.parse(localStorage.getItem(key) ?? 'null') as ImportNote | null;
      if (note?.files) out.push(note);
      localStorage.removeItem(key);
    } catch {
      localStorage.removeItem(key);
    }
  }
  return out;
}
