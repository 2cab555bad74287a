/**
 * Labelling sessions in IndexedDB (db.ts): the session record (saved after every answer, so closing the tab
 * loses nothing), its images (written once, at import) and its models (the latest selector, the final model).
 * Deleting a session deletes all three in one transaction.
 */
import { labelledCount, type LabellingSession } from '../core/labelling/session.ts';
import { labDb, type StoredLabellingImages, type StoredLabellingModel } from './db.ts';

export type { StoredLabellingImages, StoredLabellingModel } from './db.ts';

export type ModelKind = 'selector' | 'final';

/** What the session list shows. */
export interface SessionSummary {
  id: string;
  name: string;
  createdAt: string;
  images: number;
  labelled: number;
  classes: number;
}

export const summariseSession = (s: LabellingSession): SessionSummary => ({
  id: s.id, name: s.name, createdAt: s.createdAt, images: s.names.length, classes: s.classes.length,
  labelled: labelledCount(s),
});

/** A new session with its images, in one transaction: both or neither. */
export async function createSession(session: LabellingSession, images: StoredLabellingImages): Promise<void> {
  if (images.id !== session.id) throw new RangeError('the images belong to another session');
  const tx = (await labDb()).transaction(['labelling', 'labellingImages'], 'readwrite');
  await Promise.all([tx.objectStore('labelling').put(session), tx.objectStore('labellingImages').put(images), tx.done]);
}

export async function saveSession(session: LabellingSession): Promise<void> {
  await (await labDb()).put('labelling', session);
}

export async function loadSession(id: string): Promise<LabellingSession | undefined> {
  return (await labDb()).get('labelling', id);
}

export async function listSessions(): Promise<SessionSummary[]> {
  const all = await (await labDb()).getAll('labelling');
  return all.map(summariseSession).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function loadImages(id: string): Promise<StoredLabellingImages | undefined> {
  return (await labDb()).get('labellingImages', id);
}

export async function saveModel(session: string, kind: ModelKind, model: Omit<StoredLabellingModel, 'id' | 'savedAt'>): Promise<void> {
  await (await labDb()).put('labellingModels', { ...model, id: `${session}/${kind}`, savedAt: new Date().toISOString() });
}

export async function loadModel(session: string, kind: ModelKind): Promise<StoredLabellingModel | undefined> {
  return (await labDb()).get('labellingModels', `${session}/${kind}`);
}

export async function deleteSession(id: string): Promise<void> {
  const tx = (await labDb()).transaction(['labelling', 'labellingImages', 'labellingModels'], 'readwrite');
  await Promise.all([
    tx.objectStore('labelling').delete(id),
    tx.objectStore('labellingImages').delete(id),
    tx.objectStore('labellingModels').delete(`${id}/selector`),
    tx.objectStore('labellingModels').delete(`${id}/final`),
    tx.done,
  ]);
}
