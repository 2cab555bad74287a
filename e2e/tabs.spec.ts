import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { tinyCifar } from './fixtures/files.ts';
import { SMALL } from './fixtures/links.ts';

test('an import in one tab appears in another; a deletion there shows the dataset as missing, not runnable', async ({ context }) => {
  const one = new LabPage(await context.newPage());
  const two = new LabPage(await context.newPage());
  await one.page.goto('/');
  await two.page.goto('/');
  await expect(two.start()).toBeEnabled();
  await one.datasetImport().setInputFiles(await tinyCifar());
  await expect.poll(async () => (await one.state()).config.dataset, { timeout: 30_000 }).toMatch(/^cifar-10-[0-9a-f]{8}$/);
  const id = (await one.state()).config.dataset;
  await expect(two.datasetRow(id)).toContainText('300 / 100');
  await expect(two.page.getByTestId('datasets.message')).toContainText('imported in another tab');
  await two.config('dataset').selectOption(id);
  await expect(two.start()).toBeEnabled();
  await one.datasetDelete(id).click();
  await expect(two.datasetRow(id)).toHaveCount(0);
  await expect(two.datasetMissing()).toContainText(id);
  await expect(two.start()).toBeDisabled();
});

test('an import during a run leaves the run and its link alone; the next Start uses the new dataset', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${SMALL}`);
  const link = await page.evaluate(() => location.search);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  await lab.datasetImport().setInputFiles(await tinyCifar());
  await expect(page.getByTestId('datasets.message')).toContainText('selected for the next run', { timeout: 30_000 });
  const imported = (await lab.state()).datasets.find((d) => d.startsWith('cifar-10-'));
  expect(imported).toBeDefined();
  expect((await lab.state()).config.dataset).toBe('cifar10-subset');
  expect(await page.evaluate(() => location.search)).toBe(link);
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect(await page.evaluate(() => location.search)).toBe(link);
  await lab.config('epochs').fill('1');
  await lab.start().click();
  await expect.poll(() => page.evaluate(() => location.search)).toContain(`dataset=${imported}`);
  expect((await lab.state()).config.dataset).toBe(imported);
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
});
