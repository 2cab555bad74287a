/**
 * The run's status in words: the badge's text, and the shorter-lived line a screen reader hears (status
 * changes and the phase of work, never the step counts, which change many times a second).
 */
import type { RunState } from '../../store/types.ts';
import { seconds } from '../format.ts';

export function statusText(r: Pick<RunState, 'status' | 'activity' | 'seconds'>): string {
  switch (r.status) {
    case 'idle':
      return 'ready';
    case 'starting':
      return r.activity ?? 'starting';
    case 'running':
      return 'running';
    case 'cancelling':
      return 'cancelling…';
    case 'done':
      return `done in ${seconds(r.seconds)}`;
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
  }
}

/** What the polite live region says: the status, and while running the round and the work under way. */
export function announcement(r: Pick<RunState, 'status' | 'activity' | 'seconds' | 'phase'>): string {
  const p = r.phase;
  if (r.status !== 'running' || !p) return statusText(r);
  const who = p.role === 'selector' ? `the selector of ${p.track}` : `target ${p.method ?? p.track}`;
  const work = p.kind === 'training' ? `training ${who}` : p.kind === 'evaluating' ? `evaluating ${who}` : p.kind === 'scoring' ? `scoring the pool with ${p.track}` : 'ranking the pool';
  return `running: round ${p.round + 1} of ${p.rounds}, ${work}`;
}
