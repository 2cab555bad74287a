/**
 * The labelling mode's state on the page: the saved sessions, an import waiting to start, the open session
 * (with its images, for the grid), the image the keyboard is on, and what the worker is doing. Actions only
 * change state; services/labelling.ts does the work and the saving.
 */
import { create } from 'zustand';
import { UNKNOWN_LABEL } from '../core/experiment/oracle.ts';
import type { LabellingSession } from '../core/labelling/session.ts';
import type { Skipped } from '../core/labelling/unlabelledImport.ts';
import type { SessionSummary, StoredLabellingImages } from '../storage/labellingDb.ts';

/** Images imported and decoded, waiting for their classes and settings before the session starts. */
export interface ImportDraft {
  name: string;
  count: number;
  size: number;
  channels: 1 | 3;
  classes: string[];
  known: number;
  skipped: Skipped[];
  csvProblems: string[];
}

export interface WorkerActivity {
  what: 'import' | 'round' | 'finish';
  stage: string;
  done: number;
  total: number;
}

export interface LabellingUiState {
  sessions: SessionSummary[];
  draft: ImportDraft | null;
  session: LabellingSession | null;
  images: StoredLabellingImages | null;
  /** Index in the batch the keyboard is on. */
  cursor: number;
  activity: WorkerActivity | null;
  backend: string | null;
  message: { text: string; tone: 'info' | 'error' } | null;
  /** Whether the open session's last change is in IndexedDB. */
  saved: 'saving' | 'saved' | 'failed';
}

const initial: LabellingUiState = { sessions: [], draft: null, session: null, images: null, cursor: 0, activity: null, backend: null, message: null, saved: 'saved' };

export const useLabelling = create<LabellingUiState>(() => initial);

/** The first image of the batch not yet answered at or after `from` (wrapping), else `from`. */
export function nextOpen(session: LabellingSession | null, from: number): number {
  const answers = session?.batch?.answers ?? [];
  for (let k = 0; k < answers.length; k++) {
    const i = (from + k) % answers.length;
    if (answers[i] === UNKNOWN_LABEL) return i;
  }
  return Math.min(from, Math.max(0, answers.length - 1));
}

export const labellingActions = {
  setSessions: (sessions: SessionSummary[]) => useLabelling.setState({ sessions }),
  setDraft: (draft: ImportDraft | null) => useLabelling.setState({ draft }),
  open: (session: LabellingSession, images: StoredLabellingImages) =>
    useLabelling.setState({ session, images, draft: null, cursor: nextOpen(session, 0), message: null }),
  close: () => useLabelling.setState({ session: null, images: null, cursor: 0, activity: null }),
  /** A new state of the open session; the cursor moves to `cursor` (default: where it was). */
  update: (session: LabellingSession, cursor?: number) =>
    useLabelling.setState((s) => (s.session && s.session.id !== session.id ? {} : { session, cursor: Math.max(0, Math.min(cursor ?? s.cursor, (session.batch?.queue.length ?? 1) - 1)) })),
  moveCursor: (cursor: number) =>
    useLabelling.setState((s) => ({ cursor: Math.max(0, Math.min(cursor, (s.session?.batch?.queue.length ?? 1) - 1)) })),
  activity: (activity: WorkerActivity | null) => useLabelling.setState({ activity }),
  backend: (backend: string) => useLabelling.setState({ backend }),
  say: (text: string, tone: 'info' | 'error' = 'info') => useLabelling.setState({ message: { text, tone } }),
  clearMessage: () => useLabelling.setState({ message: null }),
  saved: (saved: LabellingUiState['saved']) => useLabelling.setState({ saved }),
};
