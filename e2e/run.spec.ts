import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { SMALL, TINY } from './fixtures/links.ts';
import { watchMainThread } from './fixtures/longTasks.ts';
import { typeAndDrag } from './fixtures/settingsGestures.ts';

test('a tiny link runs on wasm: every chart has points and the table has numbers', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${TINY}`);
  await expect(lab.config('model')).toHaveValue('resnet8');
  await expect(lab.config('pool')).toHaveValue('200');
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(lab.backend()).toHaveAttribute('data-backend', 'wasm');
  for (const id of LabPage.CHARTS) {
    const points = Number(await lab.chart(id).getAttribute('data-points'));
    expect(points, `chart.${id} data points`).toBeGreaterThan(0);
  }
  // Two methods, two rounds: four accuracies, each a percentage.
  await expect(lab.resultCells()).toHaveCount(4);
  for (const text of await lab.resultCells().allTextContents()) expect(text).toMatch(/^\d+\.\d%$/);
  const state = await lab.state();
  expect(Object.keys(state.accuracies).sort()).toEqual(['al', 'prunefuse@0.5']);
  expect(await lab.progress().getAttribute('data-progress')).toBe('1.000');
});

test('a chart out of view waits while a run goes, draws when scrolled to, and is current when the run ends', async ({ page }) => {
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  // SMALL with a larger budget: nine rounds, so the run is still going after the second.
  await page.goto(`/?${SMALL.replace('budget=0.2', 'budget=0.5')}`);
  const chart = lab.chart('costFlops');
  // The plot's own numbers (PlotNumbers), one row per round drawn.
  const drawnRows = chart.locator('details.plot-numbers tbody tr');
  expect((await chart.boundingBox())!.y, 'the chart starts well below the screen').toBeGreaterThan(720 + 300);
  await lab.start().click();
  await expect.poll(async () => (await lab.state()).roundsDone, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await expect(lab.status()).toHaveAttribute('data-status', 'running');
  await expect(drawnRows, 'held while out of view').toHaveCount(0);
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(() => drawnRows.count(), { message: 'drawn once in view', timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect(lab.status()).toHaveAttribute('data-status', 'running');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  // Out of view again, but the run has ended: all nine rounds are drawn.
  await expect(drawnRows).toHaveCount(9);
});

test('the same link opened twice gives identical accuracies', async ({ page }) => {
  const lab = new LabPage(page);
  const runOnce = async () => {
    await page.goto(`/?${TINY}`);
    await lab.start().click();
    await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    const s = await lab.state();
    return { accuracies: s.accuracies, selector: s.selectorAccuracies };
  };
  const first = await runOnce();
  const second = await runOnce();
  expect(first.accuracies['al']).toHaveLength(2);
  expect(second).toEqual(first);
});

test('cancel mid-run keeps the finished rounds and leaves the lab usable; a rerun completes', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${SMALL}`);
  await lab.start().click();
  await expect.poll(async () => (await lab.state()).roundsDone, { timeout: 60_000 }).toBeGreaterThan(0);
  await lab.cancel().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'cancelled', { timeout: 10_000 });
  const after = await lab.state();
  expect(after.roundsDone).toBeGreaterThan(0);
  expect(after.roundsDone).toBeLessThan(8);
  expect(Number(await lab.chart('accuracy').getAttribute('data-points'))).toBe(after.roundsDone);
  await expect(lab.start()).toBeEnabled();
  await lab.config('epochs').fill('1');
  await expect(lab.config('epochs')).toHaveValue('1');
  await lab.rerun().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await lab.state()).roundsDone).toBe(8);
});

test('a crashed worker leaves the finished rounds on screen and a new run starts a fresh worker', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${SMALL}`);
  await lab.start().click();
  await expect.poll(async () => (await lab.state()).roundsDone, { timeout: 60_000 }).toBeGreaterThan(0);
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  expect(worker, 'the lab worker').toBeDefined();
  // An uncaught error in the worker (thrown from a microtask, so it is reported at once).
  await worker!.evaluate(() =>
    queueMicrotask(() => {
      throw new Error('simulated crash');
    }),
  );
  await expect(lab.status()).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
  await expect(lab.error()).toContainText('simulated crash');
  const after = await lab.state();
  expect(after.roundsDone).toBeGreaterThan(0);
  expect(Number(await lab.chart('accuracy').getAttribute('data-points'))).toBe(after.roundsDone);
  await expect(lab.start()).toBeEnabled();
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await lab.state()).roundsDone).toBe(8);
});

test.describe('main thread', () => {
  // A task's wall time depends on the host as well as on the lab (on a 2-core VM whose host is busy, a 10-40 ms
  // chart redraw can stretch past 50 ms), and npm test asserts no times: skipped unless E2E_LONG_TASKS=1, and
  // then without retries. What it measured on this project's VM: README, "The page stays responsive".
  test.skip(!process.env.E2E_LONG_TASKS, 'host-dependent timing; set E2E_LONG_TASKS=1 to run it');

  test('no main-thread task over 50 ms while a run goes', async ({ page }) => {
    const lab = new LabPage(page);
    // Tall enough for the run's first charts, then scrolled to the main one: charts out of view do not redraw.
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`/?${TINY}`);
    await expect(lab.start()).toBeEnabled();
    const watch = await watchMainThread(page);
    await lab.start().click();
    await lab.chart('accuracy').scrollIntoViewIfNeeded();
    await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    expect(await watch.stop(test.info())).toEqual([]);
  });

  test('no main-thread task over 50 ms while typing and dragging with resnet110 and global pruning', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto('/?v=1&seed=0&model=resnet110&scope=global');
    await expect(lab.start()).toBeEnabled();
    await expect(page.getByTestId('config.ratioSlider')).toBeVisible();
    const watch = await watchMainThread(page);
    await typeAndDrag(page);
    expect(await watch.stop(test.info())).toEqual([]);
  });
});
