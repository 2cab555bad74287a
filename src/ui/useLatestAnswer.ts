/**
 * An answer computed elsewhere (a worker) for the latest question only: the question waits `delayMs` after
 * its last change (a slider dragged asks once), and an answer to an older question is dropped. Questions are
 * compared by their JSON, so callers may build a new object every render.
 */
import { startTransition, useEffect, useState } from 'react';

export interface LatestAnswer<A> {
  /** The last answer (to an earlier question while `fresh` is false), or null before the first. */
  value: A | null;
  /** The value answers the current question. */
  fresh: boolean;
  error: string | null;
}

export function useLatestAnswer<Q, A>(question: Q | null, ask: (q: Q) => Promise<A>, delayMs = 150): LatestAnswer<A> {
  const key = question === null ? null : JSON.stringify(question);
  const [state, setState] = useState<{ key: string | null; value: A | null; error: string | null }>({ key: null, value: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      // A transition: React renders what the answer changes in short slices, not in one long task.
      ask(JSON.parse(key) as Q).then(
        (value) => current && startTransition(() => setState({ key, value, error: null })),
        (e: unknown) => current && startTransition(() => setState((s) => ({ key, value: s.value, error: e instanceof Error ? e.message : String(e) }))),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `ask` is a module function: the question alone says when to ask again.
  }, [key, delayMs]);
  return { value: state.value, fresh: state.key === key && key !== null && state.error === null, error: state.key === key ? state.error : null };
}
