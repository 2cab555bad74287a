import { describe, expect, it } from 'vitest';
import { longTasks, type TraceEvent } from './longTaskTrace.ts';

const main = { pid: 7, tid: 1 };
const x = (name: string, tsMs: number, durMs: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ name, ph: 'X', ts: tsMs * 1000, dur: durMs * 1000, ...main, ...extra });

describe('longTasks', () => {
  it('charges each event inside a long main-thread task its self time, by kind', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...main, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 7, tid: 2, args: { name: 'DedicatedWorker thread' } },
      x('RunTask', 0, 10),
      x('RunTask', 100, 80),
      x('ThreadControllerImpl::RunTask', 100, 79),
      x('FunctionCall', 101, 40, { args: { data: { functionName: 'draw', url: 'http://127.0.0.1/assets/index.js', lineNumber: 9 } } }),
      x('MinorGC', 110, 5),
      x('Layout', 145, 20),
      x('MajorGC', 170, 8),
      x('RunTask', 100, 90, { tid: 2 }), // a worker's task: not the page's main thread
      x('RunTask', 300, 30),
    ];
    const tasks = longTasks(events, 50);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.startMs).toBe(100);
    expect(tasks[0]!.durationMs).toBe(80);
    expect(tasks[0]!.parts).toEqual([
      { what: 'FunctionCall draw index.js:10', ms: 35 },
      { what: 'Layout', ms: 20 },
      { what: 'ThreadControllerImpl::RunTask', ms: 11 },
      { what: 'MajorGC', ms: 8 },
      { what: 'MinorGC', ms: 5 },
      { what: '(the task itself)', ms: 1 },
    ]);
    expect(longTasks(events, 20).map((t) => t.durationMs)).toEqual([80, 30]);
    expect(tasks[0]!.cpuMs).toBeNull();
  });

  it("gives a task's thread time where the trace records it: the rest of its time it waited for a core", () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...main, args: { name: 'CrRendererMain' } },
      x('RunTask', 0, 60, { tdur: 12_500 }),
      x('FunctionCall', 1, 55, { tdur: 11_000 }),
      x('RunTask', 100, 5, { tdur: 4_000 }),
    ];
    expect(longTasks(events, 50).map((t) => [t.durationMs, t.cpuMs])).toEqual([[60, 12.5]]);
    expect(longTasks(events, 0).map((t) => t.cpuMs)).toEqual([12.5, 4]);
  });

  it('keeps only the tasks after a console.timeStamp marker, timed from it', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...main, args: { name: 'CrRendererMain' } },
      x('RunTask', 0, 60),
      { name: 'TimeStamp', ph: 'I', ts: 200_000, ...main, args: { data: { message: 'run' } } },
      x('RunTask', 250, 70),
    ];
    expect(longTasks(events, 50, 'run').map((t) => [t.startMs, t.durationMs])).toEqual([[50, 70]]);
    expect(() => longTasks(events, 50, 'other')).toThrow(/no console.timeStamp\('other'\)/);
  });
});
