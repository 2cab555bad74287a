import { expect, test } from '@playwright/test';

test('the model table lists every model with its pruned size, live as p changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'PruneFuse Lab' })).toBeVisible();
  await page.getByText('Model sizes at a pruning ratio').click();
  const row = page.getByTestId('models.row.resnet56');
  await expect(row).toContainText('855,770');
  await expect(row).toContainText('215,282');
  await page.getByTestId('models.ratio').fill('0.7');
  await expect(page.getByTestId('models.ratioValue')).toHaveText('0.70');
  await expect(row).toContainText('73,812');
  await expect(page.getByTestId('models.table').locator('tbody tr')).toHaveCount(8);
});

test('the page is cross-origin isolated (wasm threads need it)', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
});
