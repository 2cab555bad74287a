/**
 * Teaching and first use: recorded examples open at once without a worker, the quick-demo preset learns
 * something real (far above chance), the time estimate comes from a measured calibration, "How it works"
 * follows the run, and a teacher's link hides and locks what it says, through Reset.
 */
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';

/** Chance is 10% on Fashion-MNIST; the quick demo must end at least this far above it (it reaches ~65%). */
const MARGIN_OVER_CHANCE = 0.3;

function labWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (w) => void (/lab\.worker/.test(w.url()) && urls.push(w.url())));
  return urls;
}

test('?example=<id> shows the recorded charts at once, marked as an example, without starting the worker', async ({ page }) => {
  const lab = new LabPage(page);
  const workers = labWorkers(page);
  const index = (await (await page.request.get('/examples/index.json')).json()) as { examples: Array<{ id: string; runs: unknown[] }> };
  const example = index.examples.find((e) => e.id === 'quick-demo')!;
  await page.goto(`/?example=${example.id}`);
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'example');
  await expect(page.getByTestId('example.provenance')).toContainText('recorded with the headless runner');
  for (const id of ['accuracy', 'costFlops', 'tradeoff', 'curves']) await expect.poll(async () => Number(await lab.chart(id).getAttribute('data-points'))).toBeGreaterThan(0);
  expect(new URL(page.url()).search).toBe(`?example=${example.id}`);
  // The settings show the example's (a results file names an embedded dataset by its content id).
  await expect(lab.config('dataset')).toHaveValue('fashion-mnist-subset');
  await expect(page.getByTestId('view.reproduce')).toBeVisible();
  expect(workers).toEqual([]);
  // Changing a setting leaves the example: the address holds the settings again.
  await lab.config('epochs').fill('3');
  await expect.poll(() => new URL(page.url()).searchParams.get('epochs')).toBe('3');
  expect(new URL(page.url()).searchParams.get('example')).toBeNull();
});

test('an example of several runs shows them compared, and Reproduce says it reruns the first', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?example=selection-metrics');
  await expect(lab.viewBanner()).toHaveAttribute('data-origin', 'example');
  await expect(page.getByTestId('view.reproduce')).toHaveText(/^Reproduce the first run \(metric=\w+\)$/);
  await page.goto('/?example=quick-demo');
  await expect(page.getByTestId('view.reproduce')).toHaveText('Reproduce');
});

test('an unknown example says so and the lab stays usable', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?example=no-such-example');
  await expect(page.getByTestId('examples.error')).toContainText('there is no example “no-such-example”');
  await expect(lab.start()).toBeEnabled();
});

test('the quick-demo preset: an estimate measured here as soon as it is chosen, How it works follows the run, and accuracies end far above chance', async ({ page }) => {
  test.setTimeout(420_000);
  const lab = new LabPage(page);
  await page.goto('/');
  await page.getByTestId('preset.quick').click();
  await expect(lab.config('dataset')).toHaveValue('fashion-mnist-subset');
  // Choosing a preset measures this machine's speed at once (no click), then the estimate shows.
  await expect(page.getByTestId('run.estimate')).toHaveAttribute('data-seconds', /^\d+$/, { timeout: 60_000 });
  const estimate = Number(await page.getByTestId('run.estimate').getAttribute('data-seconds'));
  expect(estimate).toBeGreaterThan(0);
  await page.getByTestId('view.tab.how').click();
  await lab.start().click();
  await expect(page.locator('[data-testid^="how.step."][aria-current="step"]').first()).toBeVisible({ timeout: 120_000 });
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 360_000 });
  const state = await lab.state();
  const finals = Object.values(state.accuracies).map((a) => a.at(-1)!);
  expect(finals).toHaveLength(2);
  for (const a of finals) expect(a).toBeGreaterThan(0.1 + MARGIN_OVER_CHANCE);
  const note = `estimate ${estimate} s, took ${state.seconds?.toFixed(0)} s, final accuracies ${finals.map((a) => (100 * a).toFixed(1)).join('%, ')}%`;
  test.info().annotations.push({ type: 'quick demo', description: note });
  console.log(`quick demo: ${note}`);
});

test("a teacher's link hides and locks settings and views, and Reset keeps them", async ({ page, context }) => {
  const lab = new LabPage(page);
  await page.goto('/?model=resnet8&epochs=1&pool=200');
  await page.getByTestId('teacher').locator('summary').click();
  await page.getByTestId('teacher.access.model').selectOption('hidden');
  await page.getByTestId('teacher.access.epochs').selectOption('locked');
  await page.getByTestId('teacher.hide.fusion').check();
  await page.getByTestId('teacher.hide.importer').check();
  const link = await page.getByTestId('teacher.link').inputValue();
  expect(link).toContain('model_hide=true');
  expect(link).toContain('epochs_lock=true');
  expect(link).toContain('hide=fusion,importer');

  const student = await context.newPage();
  const view = new LabPage(student);
  await student.goto(link);
  await expect(view.config('model')).toHaveCount(0);
  await expect(view.config('epochs')).toBeDisabled();
  await expect(student.getByTestId('view.tab.fusion')).toHaveCount(0);
  await expect(view.datasetImport()).toHaveCount(0);
  await view.config('pool').fill('300');
  await student.getByTestId('config.reset').click();
  const config = (await view.state()).config;
  expect({ model: config.model, epochs: config.epochs, pool: config.pool }).toEqual({ model: 'resnet8', epochs: 1, pool: 2000 });
  expect(new URL(student.url()).searchParams.get('model_hide')).toBe('true');
});
