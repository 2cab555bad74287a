import { expect, test } from '@playwright/test';
import type { BenchRequest } from '../src/protocol/bench.ts';
import type {} from '../src/services/labTestApi.ts';

// What `npm run bench -- --browser` asks the lab worker for, at a size that ends in seconds. Times are not checked.
const request: BenchRequest = {
  backends: ['wasm'], models: ['resnet8'], ratios: [0.5], runs: 1, warmup: 1, batch: 8, images: 8,
  cpu: { batch: 1, images: 4 }, software: null, profile: false, batchPrep: true, check: true,
};

test('the benchmark runs in the lab worker on the backend a run gets, checks it against cpu and leaves no tensor', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => window.__lab !== undefined);
  const progress: string[] = [];
  await page.exposeFunction('__benchProgress', (line: string) => void progress.push(line));
  const rows = await page.evaluate((r) => window.__lab!.bench(r, (line) => (window as unknown as { __benchProgress(l: string): void }).__benchProgress(line)), request);
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toMatchObject({ model: 'resnet8', ratio: 0.5, backend: 'wasm', requested: 'wasm', batch: 8, images: 8, runs: 1 });
  expect(row.reason).toContain('wasm with training kernels');
  expect(row.trainStepMs).toBeGreaterThan(0);
  expect(row.check).toMatchObject({ pass: true, steps: 3 });
  expect(row.batchPrep?.steps).toBe(2);
  // A note would say that a forced backend fell through, or that tensors were left behind.
  expect(row.note).toBeUndefined();
  expect(progress.some((line) => line.startsWith('measuring resnet8 p=0.5 on wasm'))).toBe(true);
  expect(await page.evaluate(() => window.__lab!.workerMemory())).toMatchObject({ numTensors: 0, backend: 'wasm' });
});
