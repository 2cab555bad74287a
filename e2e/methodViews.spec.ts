/** The views inside the method: which channels pruning keeps, and what fusion writes into the dense network. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './fixtures/labPage.ts';

const DONE = { timeout: 120_000 };
const TINY_SEED1 = 'v=1&seed=1&model=resnet8&pool=200&test=100&budget=0.1&epochs=1&batch=16&methods=al,prunefuse&backend=wasm';

const openView = (page: Page, id: 'pruning' | 'fusion') => page.getByTestId(`view.tab.${id}`).click();

test('before any run, the pruning view draws every channel and follows p, scope and model', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?v=1&seed=0&model=resnet20');
  await openView(page, 'pruning');
  const summary = page.getByTestId('pruning.summary');
  // resnet20: 3 residual groups (16, 32, 64 channels) and 9 single layers, 448 channels; half survive at p = 0.5.
  await expect(summary).toHaveAttribute('data-kept', '224');
  await expect(page.getByTestId('pruning.view')).toHaveAttribute('data-origin', 'settings');
  await expect(page.locator('[data-testid^="pruning.group."]')).toHaveCount(12);
  const stem = page.getByTestId('pruning.group.stem');
  await expect(stem).toHaveAttribute('data-kept', '8');
  await expect(stem).toContainText('Residual group');
  await expect(stem.locator('path.bar-kept')).toHaveAttribute('d', /^(M[\d.]+ [\d.]+h6v[\d.]+h-6z){8}$/);
  await expect(stem.locator('path.bar-pruned')).toHaveAttribute('d', /^(M[\d.]+ [\d.]+h6v[\d.]+h-6z){8}$/);
  const before = await stem.locator('path.bar-kept').getAttribute('d');

  await lab.config('ratio').fill('0.7');
  await lab.config('ratio').blur();
  await expect(summary).toHaveAttribute('data-ratio', '0.7');
  await expect(summary).toHaveAttribute('data-kept', String(4 + 9 + 19 + 3 * (4 + 9 + 19)));
  await expect(stem).toHaveAttribute('data-kept', '4');
  expect(await stem.locator('path.bar-kept').getAttribute('d')).not.toBe(before);

  // Global scope: the same number of channels, spread over the layers by rank.
  const kept = () => page.locator('[data-testid^="pruning.group."]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kept')));
  const uniform = await kept();
  await lab.config('scope').selectOption('global');
  await expect(page.getByTestId('method.source')).toContainText('global pruning');
  await expect.poll(kept).not.toEqual(uniform);
  await expect(summary).toHaveAttribute('data-kept', String(4 + 9 + 19 + 3 * (4 + 9 + 19)));
  await lab.config('scope').selectOption('uniform');

  // Two ratios: a picker; the numbers table opens on demand.
  await lab.config('ratio').fill('0.3,0.7');
  await lab.config('ratio').blur();
  await page.getByTestId('pruning.ratio.0.3').check();
  await expect(summary).toHaveAttribute('data-ratio', '0.3');
  await page.getByText("Numbers: every channel's score").click();
  await expect(page.getByTestId('pruning.table').locator('tbody tr')).toHaveCount(12);

  await lab.config('model').selectOption('resnet110');
  await expect(page.locator('[data-testid^="pruning.group."]')).toHaveCount(3 + 54, { timeout: 30_000 });

  // The fusion view before a run: the mask from the pruning, shaded with initial weights.
  await openView(page, 'fusion');
  await expect(page.getByTestId('fusion.view')).toHaveAttribute('data-trained', 'false');
  await expect(page.getByTestId('fusion.heatmap')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('fusion.summary')).toContainText('will be copied');
});

test('after a run the fusion view shows the trained weights; an exported file shows both views, one without the snapshot says so', async ({ page }, info) => {
  const lab = new LabPage(page);
  await page.goto(`/?${TINY_SEED1}`);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', DONE);
  await openView(page, 'fusion');
  const view = page.getByTestId('fusion.view');
  await expect(view).toHaveAttribute('data-trained', 'true');
  await expect(view).toHaveAttribute('data-origin', 'recorded');
  // s1.b0.conv1 of resnet8 at p = 0.5: 8 of 16 output channels x 8 of 16 input channels.
  await expect(page.getByTestId('fusion.summary')).toHaveAttribute('data-copied', '64');
  await expect(page.getByTestId('fusion.summary')).toContainText('64 of 256 entries (25.0%) copied');
  await expect(page.getByTestId('fusion.heatmap')).toHaveAttribute('data-cells', '256');
  await page.getByTestId('fusion.layer').selectOption('s3.b0.conv1');
  await expect(page.getByTestId('fusion.summary')).toContainText('512 of 2048 entries (25.0%) copied');

  const download = page.waitForEvent('download');
  await lab.exportJson().click();
  const file = info.outputPath('results.json');
  await (await download).saveAs(file);
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const pruned = results.tracks.find((t: { id: string }) => t.id === 'pruned@0.5');
  expect(pruned.fusion.layers.map((l: { layer: string }) => l.layer)).toEqual(['s1.b0.conv1', 's2.b0.conv1', 's3.b0.conv1']);

  await page.goto('/');
  await lab.historyImport().setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(results)) });
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'imported');
  await openView(page, 'pruning');
  await expect(page.getByTestId('pruning.view')).toHaveAttribute('data-origin', 'recorded');
  await expect(page.getByTestId('pruning.group.stem')).toHaveAttribute('data-kept', '8');
  await openView(page, 'fusion');
  await expect(view).toHaveAttribute('data-trained', 'true');
  await expect(page.getByTestId('fusion.summary')).toContainText('64 of 256 entries (25.0%) copied');

  delete pruned.fusion;
  await page.goto('/');
  await lab.historyImport().setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(results)) });
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'imported');
  await openView(page, 'fusion');
  await expect(view).toHaveAttribute('data-trained', 'false');
  await expect(page.getByTestId('fusion.values')).toContainText('not in this results file');
  await expect(page.getByTestId('fusion.summary')).toContainText('64 of 256 entries (25.0%) copied');
});
