import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Heartbeat } from '../src/protocol/workerProtocol.ts';
import { BASE_QUIET_MS, FIRST_STEP_QUIET_MS, HEARTBEAT_MS, startPulse } from './heartbeat.ts';

describe('startPulse', () => {
  afterEach(() => vi.useRealTimers());

  function setup() {
    vi.useFakeTimers();
    let t = 0;
    const beats: Heartbeat[] = [];
    const pulse = startPulse((b) => beats.push(b), () => 7, () => t);
    return { pulse, beats, advance: (ms: number) => (t += ms), timers: (ms: number) => (vi.advanceTimersByTime(ms), (t += ms)) };
  }

  it('beats from its timer while idle, with the base window and the tensor bytes', () => {
    const { beats, timers, pulse } = setup();
    timers(3 * HEARTBEAT_MS);
    expect(beats.length).toBe(4);
    expect(beats.every((b) => !b.running && b.quietMs === BASE_QUIET_MS && b.tensorBytes === 7)).toBe(true);
    pulse.stop();
  });

  it('asks for a long window until the first step, then three times the longest busy stretch, widened until the biggest network trained', () => {
    const { pulse, beats, advance } = setup();
    pulse.runStarted();
    expect(beats.at(-1)!.quietMs).toBe(FIRST_STEP_QUIET_MS);
    pulse.planned([100, 400]);
    pulse.stepSeen(100);
    advance(2000);
    pulse.tick(); // a 2 s step of the small network
    expect(beats.at(-1)!.quietMs).toBe(Math.ceil(3 * 1.5 * 4 * 2000));
    pulse.stepSeen(400);
    advance(300);
    pulse.tick();
    expect(beats.at(-1)!.quietMs).toBe(Math.max(BASE_QUIET_MS, 3 * 1.5 * 2000));
    // Checks closer together than 250 ms post nothing.
    const n = beats.length;
    advance(100);
    pulse.tick();
    expect(beats.length).toBe(n);
    pulse.runEnded();
    expect(beats.at(-1)).toMatchObject({ running: false, quietMs: BASE_QUIET_MS });
    pulse.stop();
  });
});
