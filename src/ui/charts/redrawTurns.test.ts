import { describe, expect, it } from 'vitest';
import { RedrawTurns, type Timing } from './redrawTurns.ts';

/** A clock, timers and animation frames that move only when the test says so. */
class FakeTiming implements Timing {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private frames: (() => void)[] = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  requestFrame = (fn: () => void) => void this.frames.push(fn);
  /** Runs the timers due within `ms`, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }
  frame(): void {
    const frames = this.frames;
    this.frames = [];
    for (const f of frames) f();
  }
}

function setup(interval = 1000) {
  const timing = new FakeTiming();
  const log: string[] = [];
  const turns = new RedrawTurns(interval, timing, (on) => log.push(on ? 'drawing' : 'drawn'));
  const job = (name: string) => () => log.push(name);
  /** The jobs that ran, without the turns' starts and ends. */
  const jobs = () => log.filter((e) => e !== 'drawing' && e !== 'drawn');
  /** `owner` redraws now and commits; the frame after it passes. */
  const drawNow = (owner: object, name: string) => {
    turns.enqueue(owner, job(name));
    timing.advance(0);
    turns.finished(owner);
    timing.frame();
    timing.advance(0);
  };
  /** New charts, one per name, all wanting to redraw; the first turn has started. */
  const queued = (...names: string[]) => {
    const owners = names.map((name) => {
      const owner = {};
      turns.enqueue(owner, job(name));
      return owner;
    });
    timing.advance(0);
    return owners;
  };
  return { timing, turns, log, jobs, job, drawNow, queued };
}

describe('RedrawTurns', () => {
  it('runs one chart at a time; the next starts a frame after the previous finished', () => {
    const { timing, turns, jobs, queued } = setup();
    const [a] = queued('a', 'b');
    expect(jobs()).toEqual(['a']);
    timing.advance(50);
    expect(jobs()).toEqual(['a']); // a has not committed yet
    turns.finished(a!);
    timing.advance(0);
    expect(jobs()).toEqual(['a']); // waits for the frame
    timing.frame();
    timing.advance(0);
    expect(jobs()).toEqual(['a', 'b']);
  });

  it('redraws a chart at most once per interval and folds the updates in between into one', () => {
    const { timing, turns, jobs, job, drawNow } = setup(1000);
    const a = {};
    drawNow(a, 'a1');
    turns.enqueue(a, job('a2'));
    turns.enqueue(a, job('a3'));
    timing.advance(500);
    expect(jobs()).toEqual(['a1']);
    timing.advance(500);
    expect(jobs()).toEqual(['a1', 'a3']);
  });

  it('lets a chart that is due go before one that must still wait', () => {
    const { timing, turns, jobs, job, drawNow } = setup(1000);
    const a = {};
    const b = {};
    drawNow(a, 'a1');
    turns.enqueue(a, job('a2'));
    turns.enqueue(b, job('b1'));
    timing.advance(0);
    expect(jobs()).toEqual(['a1', 'b1']);
  });

  it('moves on without a frame after the fallback delay (a hidden tab draws none)', () => {
    const { timing, turns, jobs, queued } = setup();
    const [a] = queued('a', 'b');
    turns.finished(a!);
    timing.advance(99);
    expect(jobs()).toEqual(['a']);
    timing.advance(1);
    expect(jobs()).toEqual(['a', 'b']);
  });

  it('a chart that unmounts mid-turn gives its turn up; one that unmounts while waiting is dropped', () => {
    const { timing, turns, jobs, queued } = setup();
    const [a, b] = queued('a', 'b', 'c');
    turns.forget(b!);
    turns.forget(a!);
    timing.advance(0);
    expect(jobs()).toEqual(['a', 'c']);
    expect(turns.waiting).toBe(0);
  });

  it('ignores a finish from a chart whose turn it is not', () => {
    const { timing, turns, jobs, queued } = setup();
    const [, b] = queued('a', 'b');
    turns.finished(b!);
    timing.frame();
    timing.advance(200);
    expect(jobs()).toEqual(['a']);
  });

  it('says when each turn starts and when it has ended, a forgotten turn included', () => {
    const { timing, turns, log, queued } = setup();
    const [a, b] = queued('a', 'b');
    expect(log).toEqual(['drawing', 'a']);
    turns.finished(a!);
    expect(log).toEqual(['drawing', 'a']); // still the turn until the frame after the commit
    timing.frame();
    timing.advance(0);
    expect(log).toEqual(['drawing', 'a', 'drawn', 'drawing', 'b']);
    turns.forget(b!);
    expect(log).toEqual(['drawing', 'a', 'drawn', 'drawing', 'b', 'drawn']);
  });
});
