/** Runs that last and travel: history, resume after a reload, compare, export/import, share with results. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readWeightsManifest } from '../src/core/models/weightsManifest.ts';
import { LabPage } from './fixtures/labPage.ts';
import { SMALL, TINY } from './fixtures/links.ts';

const DONE = { timeout: 120_000 };

async function runToEnd(lab: LabPage, link: string) {
  await lab.page.goto(`/?${link}`);
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', DONE);
  return lab.state();
}

const cells = (page: Page) => page.locator('[data-testid^="results.cell."]').allTextContents();

test('a reload mid-run offers the run for resume; resumed, it ends with the numbers of an uninterrupted run', async ({ page }) => {
  const lab = new LabPage(page);
  const whole = await runToEnd(lab, SMALL);
  await page.goto(`/?${SMALL}`);
  await lab.start().click();
  // Reload once the first method's track has finished some rounds (the run is saved after every round).
  await expect.poll(async () => (await lab.state()).roundsDone, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(lab.interrupted()).toBeVisible();
  await lab.resumeInterrupted().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', DONE);
  const resumed = await lab.state();
  expect(resumed.accuracies).toEqual(whole.accuracies);
  expect(resumed.selectorAccuracies).toEqual(whole.selectorAccuracies);
  await expect(lab.interrupted()).toHaveCount(0);
  await expect(lab.historyRows()).toHaveCount(2);
  await expect(lab.historyRows().first()).toHaveAttribute('data-status', 'done');
});

test('two saved runs overlay on one chart, with the settings that differ', async ({ page }) => {
  const lab = new LabPage(page);
  await runToEnd(lab, TINY);
  await runToEnd(lab, TINY.replace('seed=0', 'seed=1'));
  await expect(lab.historyRows()).toHaveCount(2);
  for (const box of await page.locator('[data-testid^="history.compare."]').all()) await box.check();
  await expect(lab.compare()).toBeVisible();
  // Two runs x two methods.
  await expect(page.getByTestId('compare.accuracy')).toHaveAttribute('data-points', '8');
  await expect(page.getByTestId('compare.setting.seed')).toContainText('0');
  await expect(page.getByTestId('compare.setting.seed')).toContainText('1');
  await expect(lab.compare().locator('.legend li')).toHaveCount(4);
});

test('export JSON, import it: the same tables, marked as imported; bad files say what is wrong', async ({ page }, info) => {
  const lab = new LabPage(page);
  await runToEnd(lab, TINY);
  const table = await cells(page);
  const download = page.waitForEvent('download');
  await lab.exportJson().click();
  const file = info.outputPath('results.json');
  await (await download).saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).format).toBe(2);

  // The final model of a method: model.json + .bin that read back to its spec and recorded accuracy.
  const files: string[] = [];
  page.on('download', (d) => void d.saveAs(info.outputPath(d.suggestedFilename())).then(() => files.push(d.suggestedFilename())));
  await page.getByTestId('export.modelMethod').selectOption('prunefuse@0.5');
  await page.getByTestId('export.model').click();
  await expect.poll(() => files.length).toBe(2);
  const json = JSON.parse(readFileSync(info.outputPath('prunefuse-0.5.model.json'), 'utf8'));
  const model = readWeightsManifest(json, new Uint8Array(readFileSync(info.outputPath('prunefuse-0.5.weights.bin'))));
  expect(model.spec.model).toBe('resnet8');
  expect(json.userDefinedMetadata.accuracy).toBe((await lab.state()).accuracies['prunefuse@0.5']!.at(-1));
  // The lab reads it back too: evaluated on its run's test split, exactly the recorded accuracy.
  await page.getByTestId('model.open').setInputFiles([info.outputPath('prunefuse-0.5.model.json'), info.outputPath('prunefuse-0.5.weights.bin')]);
  await expect(page.getByTestId('model.check')).toHaveAttribute('data-ok', 'true', DONE);
  await expect(page.getByTestId('model.check')).toContainText('exactly as recorded');

  await page.goto('/');
  await lab.historyImport().setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'imported');
  expect(await cells(page)).toEqual(table);
  expect((await lab.state()).config.model).toBe('resnet8');

  await lab.historyImport().setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 300)) });
  await expect(lab.historyError()).toContainText('cut.json: not valid JSON');
  await expect(lab.historyError()).toContainText('truncated');
  const future = JSON.stringify({ ...JSON.parse(text), format: 9 });
  await lab.historyImport().setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(future) });
  await expect(lab.historyError()).toContainText('results format 9 is newer than this lab reads');
  // The imported table is still on screen.
  expect(await cells(page)).toEqual(table);
});

test('a share-with-results link shows the same table in a fresh browser without running; Reproduce gives the verdict', async ({ page, browser }) => {
  const lab = new LabPage(page);
  await runToEnd(lab, TINY);
  const table = await cells(page);
  await lab.shareResults().click();
  const url = await lab.shareUrl().inputValue();
  expect(url).toContain('#results=');

  const fresh = await browser.newContext();
  const other = new LabPage(await fresh.newPage());
  await other.page.goto(url);
  await expect(other.viewBanner()).toHaveAttribute('data-origin', 'shared');
  expect(await cells(other.page)).toEqual(table);
  expect(await other.page.evaluate(() => window.__lab!.workerMemory())).toBeNull();
  await other.page.getByTestId('view.reproduce').click();
  await expect(other.verdict()).toHaveAttribute('data-identical', 'true', DONE);
  await expect(other.verdict()).toContainText('identical, bit for bit');

  // A damaged hash: a notice, and the link's settings still load. (about:blank first: a change of the hash
  // alone would not load the page again.)
  await other.page.goto('about:blank');
  await other.page.goto(url.replace(/#results=(.{40})/, '#results=$1!!'));
  await expect(other.shareProblem()).toContainText('could not be read');
  expect((await other.state()).config.model).toBe('resnet8');
  await expect(other.viewBanner()).toHaveCount(0);
  await fresh.close();
});

test('repeats: seeds=0,1 runs once per seed and shows the mean with a min-max band and mean ± sd', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${TINY}&seeds=0,1`);
  await lab.start().click();
  await expect(page.getByTestId('repeats')).toHaveAttribute('data-seeds', '2', DONE);
  await expect(page.getByTestId('repeats')).not.toContainText('more running');
  await expect(page.getByTestId('repeats.cell.al.1')).toHaveText(/^\d+\.\d% ± \d+\.\d%$/);
  await expect(page.getByTestId('repeats').locator('.recharts-area')).toHaveCount(2);
  // Each seed is a run of its own in the history; the link keeps the repeats.
  await expect(lab.historyRows()).toHaveCount(2);
  expect(await page.evaluate(() => location.search)).toContain('seeds=0,1');
});

test('a full storage quota: the lab says so and the run finishes in memory', async ({ page, baseURL }) => {
  const lab = new LabPage(page);
  await page.goto(`/?${TINY}`);
  // Before anything is stored: Chromium lets small writes into space a database already holds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', DONE);
  await expect(lab.historyError()).toContainText('Storage is full');
  await expect(lab.historyError()).toContainText('kept in memory');
  await expect(lab.resultCells()).toHaveCount(4);
  await expect(lab.exportJson()).toBeEnabled();
});
