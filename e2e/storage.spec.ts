import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { EMBEDDED_CIFAR, tinyCifar } from './fixtures/files.ts';

test('an import over the storage quota says storage ran out, how much it needs and what to delete', async ({ page, baseURL }) => {
  const lab = new LabPage(page);
  await page.goto('/');
  await expect(lab.start()).toBeEnabled();
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await page.context().newCDPSession(page);
  // Room for a few kilobytes more than is in use: the 1.2 MB import cannot fit.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: usage + 4096 });
  await lab.datasetImport().setInputFiles(await tinyCifar());
  await expect(lab.datasetError()).toContainText('storage', { timeout: 30_000 });
  await expect(lab.datasetError()).toContainText('needs 1.2 MiB');
  await expect(lab.datasetError()).toContainText('Delete imported datasets');
  expect((await lab.state()).config.dataset).toBe('cifar10-subset');
  expect((await lab.state()).datasets).toEqual(['cifar10-subset', 'fashion-mnist-subset']);
});

test('a reload during an import: nothing of it is kept, and the next visit says it did not finish', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/');
  await expect(lab.start()).toBeEnabled();
  await lab.datasetImport().setInputFiles(EMBEDDED_CIFAR);
  await expect(page.getByTestId('datasets.importing')).toBeVisible();
  await page.reload();
  await expect(lab.datasetError()).toContainText('did not finish', { timeout: 15_000 });
  await expect(lab.datasetError()).toContainText('data_batch_1.bin');
  expect((await lab.state()).datasets).toEqual(['cifar10-subset', 'fashion-mnist-subset']);
  // Said once: the visit after does not repeat it.
  await page.reload();
  await expect(lab.start()).toBeEnabled();
  await expect(lab.datasetError()).toHaveCount(0);
});
