/**
 * What a page's long main-thread tasks were made of, from a Chromium performance trace (the JSON that
 * Playwright's `browser.stopTracing()` returns, as Chrome DevTools' Performance panel records it). A task
 * is a `RunTask` event on the renderer's main thread; each event inside it is charged its self time (its
 * duration less that of the events nested in it), summed by kind: `FunctionCall` (script, with the called
 * function's name and file), `UpdateLayoutTree` and `Layout`, `Paint`, `MajorGC` and `MinorGC`, and so on,
 * with `(the task itself)` for time inside no event. `measure:lab --trace` prints this for the run.
 *
 * Chromium also records each task's thread time (`tdur`: the time the thread was on a core), so a task's wall
 * time can be split into the page's own work and the time its thread waited for a core (descheduled by the
 * OS, or by the host of a virtual machine): a task can take 50 ms of wall time on a machine whose cores are
 * busy with other threads while doing a few ms of work.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread time in microseconds: how long the thread ran (on a core) during the event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; message?: string } };
}

export interface LongTask {
  /** Milliseconds from the marker (or from the first task in the trace). */
  startMs: number;
  durationMs: number;
  /** The time the task's thread ran (the rest of durationMs it waited for a core); null when not recorded. */
  cpuMs: number | null;
  /** Self time per kind of work inside the task, largest first. */
  parts: Array<{ what: string; ms: number }>;
}

/** Renderer main threads: the thread_name metadata says CrRendererMain. */
function mainThreads(events: readonly TraceEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') out.add(`${e.pid}:${e.tid}`);
  return out;
}

function label(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name === 'FunctionCall' && d && (d.functionName || d.url)) {
    const file = d.url ? ` ${d.url.split('/').pop()}${d.lineNumber !== undefined ? `:${d.lineNumber + 1}` : ''}` : '';
    return `FunctionCall ${d.functionName || '(anonymous)'}${file}`;
  }
  return e.name;
}

/**
 * The main-thread tasks longer than minMs. With `marker`, only those that start after the page called
 * `console.timeStamp(marker)`, timed from that call.
 */
export function longTasks(events: readonly TraceEvent[], minMs: number, marker?: string): LongTask[] {
  const main = mainThreads(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !main.has(thread)) continue;
    const list = byThread.get(thread);
    if (list) list.push(e);
    else byThread.set(thread, [e]);
  }
  const mark = marker === undefined ? undefined : events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === marker);
  if (marker !== undefined && !mark) throw new Error(`the trace has no console.timeStamp('${marker}')`);
  // A loop, not Math.min(...): a minute's trace holds more tasks than a call takes arguments.
  let origin = mark?.ts ?? Number.POSITIVE_INFINITY;
  if (!mark) for (const list of byThread.values()) for (const e of list) if (e.name === 'RunTask' && e.ts < origin) origin = e.ts;
  const out: LongTask[] = [];
  for (const list of byThread.values()) {
    // Parents before children: by start, the longer first.
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    list.forEach((task, i) => {
      if (task.name !== 'RunTask' || task.dur! / 1000 <= minMs || task.ts < origin) return;
      const end = task.ts + task.dur!;
      const self = new Map<string, number>();
      const charge = (what: string, us: number) => self.set(what, (self.get(what) ?? 0) + us / 1000);
      // The events nested in the task, with the time of each that its own children do not cover.
      const stack: Array<{ e: TraceEvent; end: number; children: number }> = [{ e: task, end, children: 0 }];
      const pop = () => {
        const top = stack.pop()!;
        charge(top.e === task ? '(the task itself)' : label(top.e), top.end - top.e.ts - top.children);
      };
      for (let j = i + 1; j < list.length && list[j]!.ts < end; j++) {
        const e = list[j]!;
        while (stack.length > 1 && e.ts >= stack[stack.length - 1]!.end) pop();
        const parent = stack[stack.length - 1]!;
        const eEnd = Math.min(e.ts + e.dur!, parent.end);
        parent.children += eEnd - e.ts;
        stack.push({ e, end: eEnd, children: 0 });
      }
      while (stack.length > 0) pop();
      out.push({
        startMs: (task.ts - origin) / 1000,
        durationMs: task.dur! / 1000,
        cpuMs: task.tdur === undefined ? null : task.tdur / 1000,
        parts: [...self].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([what, ms]) => ({ what, ms })),
      });
    });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}
