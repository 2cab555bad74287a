/**
 * How a run that did not complete ends. A lost WebGPU device makes it a failure, whatever stopped it
 * (the worker stops the run when its device goes, and the ops in flight fail with messages that do not
 * say why), and its message is the error the lab shows.
 */
import type { RunState } from './types.ts';

export function endOfRun(run: RunState, cancelled: boolean, reason: string | null): Pick<RunState, 'status' | 'error'> {
  if (run.deviceLost) return { status: 'failed', error: run.deviceLost };
  return cancelled ? { status: 'cancelled', error: null } : { status: 'failed', error: reason ?? 'failed' };
}
