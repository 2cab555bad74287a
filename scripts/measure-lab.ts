/**
 * Runs a lab link in headless Chromium, the way a user would, and prints what the page's main thread went
 * through: every task over 50 ms (PerformanceObserver 'longtask') and the longest gap between animation
 * frames while the run went, with the run's time and accuracies.
 *
 *   npm run build && npm run --silent measure:lab -- 'v=1&seed=0' [--screenshot main.png] [--timeout-min 30]
 *
 * It serves dist/ with `vite preview` and opens it in Debian's Chromium (src/cli/headless.ts).
 */
import { existsSync } from 'node:fs';
import { NO_BUILD, openBuiltApp } from '../src/cli/headless.ts';

function usage(message: string): never {
  console.error(`measure-lab: ${message}\nusage: measure-lab [LINK] [--screenshot FILE] [--timeout-min N] [--port N]`);
  process.exit(2);
}

function parse(argv: string[]): { link: string; screenshot?: string; timeoutMin: number; port: number } {
  const out = { link: 'v=1&seed=0', timeoutMin: 30, port: 4180 } as { link: string; screenshot?: string; timeoutMin: number; port: number };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--screenshot') out.screenshot = value();
    else if (a === '--timeout-min') out.timeoutMin = Number(value());
    else if (a === '--port') out.port = Number(value());
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else out.link = a.replace(/^.*\?/, '');
  }
  if (!(out.timeoutMin > 0)) usage('--timeout-min must be a positive number');
  if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) usage('--port must be a port number');
  return out;
}

const args = parse(process.argv.slice(2));
if (!existsSync('dist/index.html')) usage(NO_BUILD);
const app = await openBuiltApp({ port: args.port, viewport: { width: 1400, height: 1000 } });
try {
  const page = app.page;
  await page.goto(`${app.origin}?${args.link}`);
  await page.getByTestId('run.start').waitFor({ state: 'visible' });
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
  const started = Date.now();
  await page.getByTestId('run.start').click();
  await page.locator('[data-testid="run.status"]:not([data-status="starting"]):not([data-status="running"]):not([data-status="cancelling"])').waitFor({ timeout: args.timeoutMin * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const measured = (await page.evaluate('({ longTasks: window.__longTasks, frameGap: window.__frameGap })')) as { longTasks: number[]; frameGap: number };
  const state = await page.evaluate(() => window.__lab!.state());
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
  console.log(`link            ${args.link}`);
  console.log(`status          ${state.status}${state.error ? ` (${state.error})` : ''}`);
  console.log(`backend         ${state.backend}: ${state.backendReason}`);
  console.log(`run             ${seconds.toFixed(1)} s`);
  console.log(`tasks over 50ms ${measured.longTasks.length}${measured.longTasks.length ? `: ${measured.longTasks.join(', ')} ms` : ''}`);
  console.log(`longest task    ${measured.longTasks.length ? `${Math.max(...measured.longTasks)} ms` : 'under 50 ms'}`);
  console.log(`longest frame gap ${measured.frameGap.toFixed(1)} ms`);
  for (const [method, acc] of Object.entries(state.accuracies)) console.log(`accuracy        ${method}: ${acc.map((a) => (100 * a).toFixed(1)).join(' / ')} %`);
  if (args.screenshot) console.log(`screenshot      ${args.screenshot}`);
} finally {
  await app.close();
}
