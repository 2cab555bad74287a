/**
 * Runs a lab link in headless Chromium, the way a user would, and prints what the page's main thread went
 * through: every task over 50 ms (PerformanceObserver 'longtask') and the longest gap between animation
 * frames while the run went, with the run's time and accuracies.
 *
 *   npm run build && npm run --silent measure:lab -- 'v=1&seed=0' [--screenshot main.png] [--timeout-min 30]
 *     [--trace trace.json [--trace-seconds 60]] [--gestures]
 *
 * With --gestures it starts no run: it types in the settings and drags the ratio slider instead, as the
 * long-task spec does (e2e/fixtures/settingsGestures.ts), e.g. with 'v=1&seed=0&model=resnet110&scope=global'.
 *
 * It serves dist/ with `vite preview` and opens it in Debian's Chromium (src/cli/headless.ts). With --trace it
 * also records a performance trace of the run's first --trace-seconds (0.5-1 MB a second; load it in Chrome
 * DevTools' Performance panel) and prints what each main-thread task over 50 ms in it was made of: script (by
 * function), style and layout, paint, garbage collection (src/cli/longTaskTrace.ts), with the time the
 * thread ran on a core; and the longest such time of any task in the run. `npx vite build --minify
 * false` keeps the functions' names readable.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { longTasks, type LongTask, type TraceEvent } from '../src/cli/longTaskTrace.ts';
import { NO_BUILD, openBuiltApp } from '../src/cli/headless.ts';
import { typeAndDrag } from '../e2e/fixtures/settingsGestures.ts';

const LONG_TASK_MS = 50;
/** Marks the click on Start in the trace (console.timeStamp), so tasks before it are left out. */
const RUN_MARK = 'measure-lab: start';
/** What the trace records: tasks and what runs in them (script, style, layout, paint, garbage collection). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

function usage(message: string): never {
  console.error(`measure-lab: ${message}\nusage: measure-lab [LINK] [--screenshot FILE] [--trace FILE [--trace-seconds N]] [--gestures] [--timeout-min N] [--port N]`);
  process.exit(2);
}

interface Args {
  link: string;
  screenshot?: string;
  trace?: string;
  traceSeconds: number;
  timeoutMin: number;
  port: number;
  gestures: boolean;
}

function parse(argv: string[]): Args {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) usage(`one link at most (got ${positionals.length})`);
  const out: Args = {
    link: (positionals[0] ?? 'v=1&seed=0').replace(/^.*\?/, ''),
    timeoutMin: Number(values['timeout-min']),
    port: Number(values.port),
    traceSeconds: Number(values['trace-seconds']),
    gestures: values.gestures === true,
    ...(values.screenshot !== undefined ? { screenshot: values.screenshot } : {}),
    ...(values.trace !== undefined ? { trace: values.trace } : {}),
  };
  if (!(out.timeoutMin > 0)) usage('--timeout-min must be a positive number');
  if (!(out.traceSeconds > 0)) usage('--trace-seconds must be a positive number');
  if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) usage('--port must be a port number');
  return out;
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      screenshot: { type: 'string' },
      trace: { type: 'string' },
      'trace-seconds': { type: 'string', default: '60' },
      'timeout-min': { type: 'string', default: '30' },
      port: { type: 'string', default: '4180' },
      gestures: { type: 'boolean', default: false },
    },
  });
}

const args = parse(process.argv.slice(2));
if (!existsSync('dist/index.html')) usage(NO_BUILD);
const app = await openBuiltApp({ port: args.port, viewport: { width: 1400, height: 1000 } });
try {
  const page = app.page;
  await page.goto(`${app.origin}?${args.link}`);
  await page.getByTestId('run.start').waitFor({ state: 'visible' });
  // Before the observer: starting a trace stalls the page's main thread for a moment.
  if (args.trace) await app.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // A script string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    const w = window;
    w.__longTasks = [];
    w.__frameGap = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
    let last = performance.now();
    function tick(t) { w.__frameGap = Math.max(w.__frameGap, t - last); last = t; requestAnimationFrame(tick); }
    requestAnimationFrame(tick);
  })()`);
  if (args.trace) await page.evaluate(`console.timeStamp(${JSON.stringify(RUN_MARK)})`);
  const started = Date.now();
  if (!args.gestures) await page.getByTestId('run.start').click();
  // Tracing stops after --trace-seconds, or when the run (or the gestures) end if that comes first.
  let stopTrace: (() => void) | null = null;
  const tracing = args.trace ? new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => stopTrace?.(), args.traceSeconds * 1000);
    stopTrace = () => {
      clearTimeout(timer);
      stopTrace = null;
      app.browser.stopTracing().then(resolve, reject);
    };
  }) : null;
  if (args.gestures) await typeAndDrag(page);
  else await page.locator('[data-testid="run.status"]:not([data-status="starting"]):not([data-status="running"]):not([data-status="cancelling"])').waitFor({ timeout: args.timeoutMin * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  (stopTrace as (() => void) | null)?.();
  const trace = tracing ? await tracing : null;
  const measured = (await page.evaluate('({ longTasks: window.__longTasks, frameGap: window.__frameGap })')) as { longTasks: number[]; frameGap: number };
  const state = await page.evaluate(() => window.__lab!.state());
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
  console.log(`link            ${args.link}`);
  if (args.gestures) console.log(`gestures        ${seconds.toFixed(1)} s of typing and dragging`);
  else {
    console.log(`status          ${state.status}${state.error ? ` (${state.error})` : ''}`);
    console.log(`backend         ${state.backend}: ${state.backendReason}`);
    console.log(`run             ${seconds.toFixed(1)} s`);
  }
  console.log(`tasks over 50ms ${measured.longTasks.length}${measured.longTasks.length ? `: ${measured.longTasks.join(', ')} ms` : ''}`);
  console.log(`longest task    ${measured.longTasks.length ? `${Math.max(...measured.longTasks)} ms` : 'under 50 ms'}`);
  console.log(`longest frame gap ${measured.frameGap.toFixed(1)} ms`);
  for (const [method, acc] of Object.entries(state.accuracies)) console.log(`accuracy        ${method}: ${acc.map((a) => (100 * a).toFixed(1)).join(' / ')} %`);
  if (args.screenshot) console.log(`screenshot      ${args.screenshot}`);
  if (trace && args.trace) {
    writeFileSync(args.trace, trace);
    const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
    const all = longTasks(traceEvents, 0, RUN_MARK);
    const tasks = all.filter((t) => t.durationMs > LONG_TASK_MS);
    const cpu = (t: LongTask) => (t.cpuMs === null ? '' : ` (${t.cpuMs.toFixed(1)} ms on a core)`);
    console.log(`trace           ${args.trace} (${args.gestures ? 'the gestures' : 'the run'}, up to the first ${args.traceSeconds} s): ${tasks.length} main-thread task${tasks.length === 1 ? '' : 's'} over ${LONG_TASK_MS} ms`);
    for (const t of tasks) {
      const parts = t.parts.slice(0, 6).map((p) => `${p.what} ${p.ms.toFixed(1)}`).join(', ');
      console.log(`  ${t.durationMs.toFixed(1)} ms${cpu(t)} at ${(t.startMs / 1000).toFixed(1)} s: ${parts}`);
    }
    // Thread time: what the page's own work took, without the time its thread waited for a core.
    const timed = all.filter((t) => t.cpuMs !== null);
    if (timed.length > 0) {
      const most = timed.reduce((a, b) => (b.cpuMs! > a.cpuMs! ? b : a));
      const over = (ms: number) => timed.filter((t) => t.cpuMs! > ms).length;
      console.log(`on a core       ${all.length} tasks; the longest ran ${most.cpuMs!.toFixed(1)} ms on a core (${most.durationMs.toFixed(1)} ms in all, at ${(most.startMs / 1000).toFixed(1)} s); over 50 ms on a core: ${over(50)}, over 35: ${over(35)}, over 20: ${over(20)}`);
    }
  }
} finally {
  await app.close();
}
