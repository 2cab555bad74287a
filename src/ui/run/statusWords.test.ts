import { describe, expect, it } from 'vitest';
import type { Phase } from '../../store/types.ts';
import { announcement, statusText } from './statusWords.ts';

const phase = (over: Partial<Phase>): Phase => ({ kind: 'training', track: 'pruned@0.5', role: 'selector', round: 0, rounds: 2, step: 3, totalSteps: 10, epoch: 1, epochs: 2, ...over });

describe('run status in words', () => {
  it('the badge reads the status, with the time when done', () => {
    expect(statusText({ status: 'idle', activity: null, seconds: null })).toBe('ready');
    expect(statusText({ status: 'starting', activity: 'loading cifar10-subset', seconds: null })).toBe('loading cifar10-subset');
    expect(statusText({ status: 'done', activity: null, seconds: 8.34 })).toBe('done in 8.3 s');
  });

  it('the announcement names round and work while running, and never the step or epoch counts', () => {
    const a = announcement({ status: 'running', activity: null, seconds: null, phase: phase({}) });
    expect(a).toBe('running: round 1 of 2, training the selector of pruned@0.5');
    // Steps and epochs move many times a second: the announcement must not change with them.
    expect(announcement({ status: 'running', activity: null, seconds: null, phase: phase({ step: 9, epoch: 2 }) })).toBe(a);
    expect(announcement({ status: 'running', activity: null, seconds: null, phase: phase({ kind: 'evaluating', role: 'target', method: 'prunefuse@0.5', round: 1 }) })).toBe('running: round 2 of 2, evaluating target prunefuse@0.5');
    expect(announcement({ status: 'cancelled', activity: null, seconds: null, phase: phase({}) })).toBe('cancelled');
  });
});
