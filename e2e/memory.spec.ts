import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';

test('before Start the lab shows the worker memory a run needs, and warns when it is more than the browser is likely to give', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?v=1&seed=0');
  await expect(page.getByTestId('run.memory')).toContainText('Memory: about');
  const small = Number(await page.getByTestId('run.memory').getAttribute('data-bytes'));
  expect(small).toBeGreaterThan(20 * 2 ** 20);
  await expect(page.getByTestId('run.warning')).toHaveCount(0);
  await page.goto('/?v=1&seed=0&model=resnet164&batch=1024');
  await expect(page.getByTestId('run.warning')).toContainText('likely to give');
  expect(Number(await page.getByTestId('run.memory').getAttribute('data-bytes'))).toBeGreaterThan(small);
  await expect(lab.start()).toBeEnabled();
});
