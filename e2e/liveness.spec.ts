import { expect, test, type Page, type Worker } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { SMALL, TINY } from './fixtures/links.ts';

const labWorker = (page: Page): Worker => {
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  expect(worker, 'the lab worker').toBeDefined();
  return worker!;
};

async function startAndWaitForARound(lab: LabPage): Promise<void> {
  await lab.page.goto(`/?${SMALL}`);
  await lab.start().click();
  await expect.poll(async () => (await lab.state()).roundsDone, { timeout: 60_000 }).toBeGreaterThan(0);
}

test('a worker that closes itself mid-run fails the run within 5 s, keeps the finished rounds, and the next run completes', async ({ page }) => {
  const lab = new LabPage(page);
  await startAndWaitForARound(lab);
  // No error event, no message: the worker just ends (as when its execution is terminated).
  expect(await page.evaluate(() => window.__lab!.breakWorker('close'))).toBe(true);
  const closedAt = Date.now();
  await expect(lab.status()).toHaveAttribute('data-status', 'failed', { timeout: 5_000 });
  expect(Date.now() - closedAt).toBeLessThan(5_000);
  await expect(lab.error()).toContainText('the worker stopped without an error');
  await expect(lab.error()).not.toContainText('out of memory');
  const after = await lab.state();
  expect(after.roundsDone).toBeGreaterThan(0);
  expect(after.roundsDone).toBeLessThan(8);
  expect(Number(await lab.chart('accuracy').getAttribute('data-points'))).toBe(after.roundsDone);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await lab.state()).roundsDone).toBe(8);
});

test('a worker that hangs mid-run is called unresponsive, terminated, and the next run gets a new worker', async ({ page }) => {
  const lab = new LabPage(page);
  await startAndWaitForARound(lab);
  // A busy loop that never yields: the worker is alive (its lock is held) but silent.
  expect(await page.evaluate(() => window.__lab!.breakWorker('hang'))).toBe(true);
  await expect(lab.status()).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
  await expect(lab.error()).toContainText('stopped responding');
  expect((await lab.state()).roundsDone).toBeGreaterThan(0);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
});

test('an idle worker that died is replaced: the next Start runs at once', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${TINY}`);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  labWorker(page);
  const workerLocks = () => page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return [...held, ...pending].filter((l) => l.name?.startsWith('prunefuse-lab/worker/')).length;
  });
  expect(await workerLocks(), 'the worker holds its life lock and the page waits for it').toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__lab!.breakWorker('close'))).toBe(true);
  // The page learns of the end when the worker's life lock is released (Chromium tells Playwright much later
  // on a loaded machine, so page.workers() is not the signal).
  await expect.poll(workerLocks, { timeout: 10_000 }).toBe(0);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect((await lab.state()).error).toBeNull();
});
