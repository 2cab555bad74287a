/** The data views: which images each selector chose (with classes and scores), and the final models per class. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LabPage } from './fixtures/labPage.ts';
import { TINY } from './fixtures/links.ts';

const DONE = { timeout: 120_000 };
/** TINY with a 400-image pool: 8 initial images, then 32 chosen (more than the gallery's first page of 24). */
const TINY_400 = TINY.replace('pool=200', 'pool=400');
const CIFAR10 = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

async function openView(page: Page, id: 'selection' | 'outcome') {
  await page.getByTestId(`view.tab.${id}`).click();
  return page.getByTestId(`view.${id}`);
}

/** Runs the tiny link to its end; with `watching`, that view is open (and follows the run) from the start. */
async function runTiny(page: Page, watching?: 'selection' | 'outcome', link = TINY) {
  const lab = new LabPage(page);
  await page.goto(`/?${link}`);
  if (watching) {
    await openView(page, watching);
    await expect(page.getByTestId(`${watching}.empty`)).toBeVisible();
  }
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', DONE);
  return lab;
}

const numbers = async (cells: Locator) => (await cells.allTextContents()).map(Number);

test('the selection view shows what each selector chose, with classes; the labelled set by class; the overlap with AL', async ({ page }) => {
  await runTiny(page, 'selection', TINY_400);
  const view = page.getByTestId('view.selection');
  await view.getByTestId('selection.track').selectOption('pruned@0.5');

  // Histogram: every labelled image counted in a class (labels came from the dataset), round by round.
  const histogram = view.getByTestId('selection.histogram');
  const rows = histogram.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const perClass: number[][] = [];
  for (const row of await rows.all()) {
    const counts = await numbers(row.getByTestId('selection.histogram.count'));
    expect(counts).toHaveLength(10);
    const size = Number(await row.getByTestId('selection.histogram.size').textContent());
    expect(counts.reduce((a, b) => a + b, 0)).toBe(size);
    perClass.push(counts);
  }
  await expect(histogram.locator('thead th')).toContainText(CIFAR10);

  // Gallery: round 1's picks, a first page of 24 and then the rest, each painted and named by its class;
  // their classes are exactly what the labelled set gained between round 1 and round 2.
  const added = perClass[1]!.reduce((a, b) => a + b, 0) - perClass[0]!.reduce((a, b) => a + b, 0);
  expect(added).toBe(32);
  const images = view.getByTestId('selection.image');
  await expect(images).toHaveCount(24);
  await view.getByTestId('selection.more').click();
  await expect(images).toHaveCount(added);
  await expect(view.getByTestId('selection.more')).toHaveCount(0);
  await expect(view.locator('canvas[data-painted="true"]')).toHaveCount(added);
  const classes = await view.getByTestId('selection.class').allTextContents();
  for (const c of classes) expect(CIFAR10).toContain(c);
  const gained = CIFAR10.map((_, c) => perClass[1]![c]! - perClass[0]![c]!);
  expect(CIFAR10.map((name) => classes.filter((c) => c === name).length)).toEqual(gained);
  await expect(images.first()).toContainText(/score \d/);
  // The canvas holds a picture, not a blank.
  const distinct = await view.locator('canvas.dv-thumb').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return new Set(Array.from(d.filter((_, i) => i % 4 === 0))).size;
  });
  expect(distinct).toBeGreaterThan(5);

  // Overlap of PruneFuse's picks with AL's in round 1: a share of AL's picks.
  await expect(view.getByTestId('selection.overlap.pruned@0.5.0')).toHaveText(new RegExp(`^\\d+% \\(\\d+ of ${added}\\)$`));
});

test('the outcome view shows each method’s confusion matrix; its rows add up to the test set’s class counts', async ({ page }) => {
  await runTiny(page);
  const view = await openView(page, 'outcome');
  const picker = view.getByTestId('outcome.method');
  await expect(picker.locator('option')).toHaveCount(2);
  for (const method of ['prunefuse@0.5', 'al']) {
    await picker.selectOption(method);
    const matrix = view.getByTestId('outcome.confusion');
    await expect(matrix.locator('tbody tr')).toHaveCount(10);
    await expect(matrix.locator('tbody th[scope="row"]')).toHaveText(CIFAR10);
    await expect(view.getByTestId('outcome.testCount.0')).toBeVisible();
    const totals = await numbers(matrix.locator('[data-testid^="outcome.total."]'));
    const testCounts = await numbers(matrix.locator('[data-testid^="outcome.testCount."]'));
    expect(totals).toEqual(testCounts);
    expect(testCounts.reduce((a, b) => a + b, 0)).toBe(100);
    for (const row of await matrix.locator('tbody tr').all()) {
      const cells = await numbers(row.locator('td:not([data-testid])'));
      const total = Number(await row.locator('[data-testid^="outcome.total."]').textContent());
      expect(cells.reduce((a, b) => a + b, 0)).toBe(total);
    }
    await expect(view.getByTestId('outcome.accuracy').locator('li')).toHaveCount(10);
  }
});

test('a run on a dataset this browser lacks still shows indices, scores and the overlap, and says why there are no pictures', async ({ page }, info) => {
  const lab = await runTiny(page);
  const download = page.waitForEvent('download');
  await lab.exportJson().click();
  const file = info.outputPath('results.json');
  await (await download).saveAs(file);
  const results = JSON.parse(readFileSync(file, 'utf8'));
  results.dataset.id = 'elsewhere-0123abcd';
  results.config.dataset = 'elsewhere-0123abcd';
  await page.goto('/');
  await lab.historyImport().setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(results)) });
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'imported');
  const view = await openView(page, 'selection');
  await expect(view.getByTestId('dataset.unavailable')).toContainText('not available in this browser');
  await expect(view.getByTestId('selection.image').first()).toContainText(/score \d.*image \d+/s);
  await expect(view.locator('canvas')).toHaveCount(0);
  await expect(view.getByTestId('selection.overlap.pruned@0.5.0')).toHaveText(/^\d+% \(\d+ of \d+\)$/);
  const outcome = await openView(page, 'outcome');
  await expect(outcome.getByTestId('outcome.confusion').locator('tbody th[scope="row"]').first()).toHaveText('class 0');
});
