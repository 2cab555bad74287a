import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { tinyCifar } from './fixtures/files.ts';
import { TINY } from './fixtures/links.ts';

test('offline after the first visit: tiny runs complete on embedded and imported datasets, and a reload shows the lab', async ({ page, context }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await page.goto(`/?${TINY}`);
  await expect(lab.start()).toBeEnabled();
  // The service worker has precached the app, its workers, the wasm files and the embedded datasets.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  expect(await page.evaluate(() => fetch('/data/manifest.json?not-cached').then(() => 'online', () => 'offline'))).toBe('offline');

  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(lab.backend()).toHaveAttribute('data-backend', 'wasm');

  await lab.config('dataset').selectOption('fashion-mnist-subset');
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });

  await lab.datasetImport().setInputFiles(await tinyCifar());
  await expect.poll(async () => (await lab.state()).config.dataset, { timeout: 30_000 }).toMatch(/^cifar-10-[0-9a-f]{8}$/);
  const imported = (await lab.state()).config.dataset;

  await page.reload();
  await expect(lab.config('dataset')).toHaveValue(imported);
  // Served from the cache with its headers: still cross-origin isolated, so wasm keeps its threads.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(lab.start()).toBeEnabled();
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await lab.state()).error).toBeNull();
});
