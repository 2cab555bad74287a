/**
 * `npm run bench -- --browser`: the benchmark in headless Chromium, inside the lab's own worker, so each
 * backend is chosen and started exactly as for a run (workers/backend.ts) and one command measures a real GPU
 * where there is one. It serves the build and opens the lab (headless.ts), then calls window.__lab.bench(),
 * which reaches the worker's bench() through the run controller (workers/bench.ts); rows come back as data.
 *
 * Chromium gets --enable-unsafe-webgpu (Linux Chromium offers WebGPU only with it); BENCH_CHROMIUM_ARGS adds
 * flags (space-separated, e.g. a real GPU's `--enable-features=Vulkan --use-angle=vulkan`). On a software
 * WebGPU adapter (SwiftShader, about 100x slower than wasm here) the worker times a small size (benchArgs.ts)
 * and scales it, unless --software-full. The preview server takes a free port unless --port.
 */
import type { BenchRow } from '../protocol/bench.ts';
import type { LabTestApi } from '../services/labTestApi.ts';
import { stringOption, type ParsedArgs } from './args.ts';
import { browserRequest, intOption, type BenchOptions } from './benchArgs.ts';
import { freePort, openBuiltApp } from './headless.ts';

export async function runBrowserBench(s: BenchOptions, args: ParsedArgs, log: (line: string) => void): Promise<BenchRow[]> {
  const request = browserRequest(s, args);
  const portOption = stringOption(args, 'port');
  const port = portOption === undefined ? await freePort() : intOption(portOption, 0, 'port');
  const timeoutMin = intOption(stringOption(args, 'timeout-min'), 30, 'timeout-min');
  const extraArgs = ['--enable-unsafe-webgpu', ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter((a) => a)];
  const app = await openBuiltApp({ port, extraArgs });
  try {
    const { page } = app;
    log(`chromium ${app.browser.version()}, flags: ${extraArgs.join(' ')}`);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.exposeFunction('__benchProgress', (line: string) => log(line));
    await page.goto(app.origin);
    await page.waitForFunction(() => (window as unknown as { __lab?: LabTestApi }).__lab !== undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the benchmark did not finish within ${timeoutMin} min (--timeout-min)`)), timeoutMin * 60_000);
    });
    try {
      const run = page.evaluate(
        (req) => {
          const w = window as unknown as { __lab: LabTestApi; __benchProgress: (line: string) => void };
          return w.__lab.bench(req, (line) => w.__benchProgress(line));
        },
        request,
      );
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await app.close();
  }
}
