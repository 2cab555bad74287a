/**
 * The labelling mode, with the test as the person: a .zip of 60 Fashion-MNIST PNGs (from the embedded
 * data, built here) imported as unlabelled; two batches labelled by keyboard with the true labels, with a
 * reload between them (the session resumes); Finish; the exported CSV equals what was entered. Also: a zip
 * with a corrupt PNG and a text file lists both as skipped; a session open in one tab is refused in another.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { encodePng } from '../src/core/data/encodePng.ts';
import { writeZip } from '../src/core/data/writeZip.ts';
import { headingSkips, violations } from './fixtures/axe.ts';
import type {} from '../src/services/labTestApi.ts';

const CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const COUNT = 60;

const LONG = { timeout: 90_000 };

/** The first COUNT training images of the embedded Fashion-MNIST subset, as PNGs in a zip, and their labels by name. */
async function fashionZip(extra: Array<{ path: string; bytes: Uint8Array }> = []): Promise<{ zip: Buffer; truth: Map<string, number> }> {
  const dir = 'public/data/fashion-mnist-subset';
  const images = gunzipSync(readFileSync(`${dir}/train-images-idx3-ubyte.gz`));
  const labels = gunzipSync(readFileSync(`${dir}/train-labels-idx1-ubyte.gz`));
  const truth = new Map<string, number>();
  const entries = [];
  for (let i = 0; i < COUNT; i++) {
    const name = `photos/item-${String(i).padStart(3, '0')}.png`;
    truth.set(name, labels[8 + i]!);
    entries.push({ path: name, bytes: await encodePng(new Uint8Array(images.subarray(16 + i * 784, 16 + (i + 1) * 784)), 28, 28, 1) });
  }
  return { zip: Buffer.from(await writeZip([...entries, ...extra])), truth };
}

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };

/** WCAG 2.1 AA (axe), heading levels and no horizontal overflow, at a phone's width and a desktop's. */
async function accessible(page: Page, where: string): Promise<void> {
  const out: string[] = [];
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    out.push(...(await violations(page, `${where} at ${size.width} px`)), ...(await headingSkips(page, where)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) out.push(`${where}: ${overflow} px of horizontal overflow at ${size.width} px`);
  }
  expect(out).toEqual([]);
}

const keyOf = (label: number) => (label < 9 ? String(label + 1) : '0');

/** Answers the image under the cursor with its true label; returns its name. */
async function answerCurrent(page: Page, truth: Map<string, number>, entered: Map<string, number>): Promise<void> {
  const tile = page.locator('.label-tile[aria-current="true"]');
  const name = (await tile.getAttribute('data-name'))!;
  expect(truth.has(name), `${name} is one of the imported images`).toBe(true);
  await tile.focus();
  await page.keyboard.press(keyOf(truth.get(name)!));
  entered.set(name, truth.get(name)!);
}

/** Labels the batch on screen until the number of closed batches reaches `batches`. */
async function labelUntil(page: Page, batches: number, truth: Map<string, number>, entered: Map<string, number>): Promise<void> {
  // Closed batches and open tiles read in one go: answering a batch's last image closes it and opens the next
  // one, and reading them apart could answer an image of the next batch.
  const now = () => page.evaluate(() => ({
    closed: Number(document.querySelector('[data-testid="label-batches"]')?.textContent),
    open: document.querySelectorAll('.label-tile[data-answer="-1"]').length,
  }));
  for (let guard = 0; ; guard++) {
    expect(guard, 'labelling does not go on for ever').toBeLessThan(3 * COUNT);
    const before = await now();
    if (before.closed >= batches) return;
    if (before.open === 0) {
      // The batch is answered; the selector is training: wait for its batch.
      await expect(page.locator('.label-tile[data-answer="-1"]').first().or(page.getByTestId('label-no-batch'))).toBeVisible(LONG);
      await page.waitForTimeout(100);
      continue;
    }
    await answerCurrent(page, truth, entered);
    await expect.poll(async () => {
      const after = await now();
      return after.open !== before.open || after.closed !== before.closed;
    }).toBe(true);
  }
}

test('label your own images: import a zip, label two batches by keyboard across a reload, finish, export the CSV', async ({ page }) => {
  test.setTimeout(240_000);
  const { zip, truth } = await fashionZip();
  await page.goto('/#label');
  await expect(page.getByRole('heading', { name: 'Label your own images' })).toBeVisible();
  await accessible(page, 'the labelling start');
  await page.getByTestId('label-files').setInputFiles({ name: 'fashion.zip', mimeType: 'application/zip', buffer: zip });
  await expect(page.getByText(`Imported: ${COUNT} images (32 × 32, grey)`)).toBeVisible(LONG);
  await accessible(page, 'the imported draft');
  await page.getByLabel(/^Classes/).fill(CLASSES.join('\n'));
  await page.getByLabel('Images per batch').fill('10');
  await page.getByLabel('Dense model (the selector is it, pruned)').selectOption('resnet8');
  await page.getByLabel('Epochs per round').fill('2');
  await page.getByTestId('label-start').click();

  const progress = page.getByTestId('label-progress');
  await expect(progress).toContainText('0 of 10 in this batch');
  await expect(progress).toContainText('random images');
  await accessible(page, 'the labelling screen');
  const entered = new Map<string, number>();
  // Keys move and undo: Backspace takes back the last answer.
  const first = page.locator('.label-tile').first();
  await first.focus();
  await page.keyboard.press('1');
  await expect(progress).toContainText('1 of 10');
  await page.keyboard.press('Backspace');
  await expect(progress).toContainText('0 of 10');
  await expect(first).toHaveAttribute('aria-current', 'true');
  await labelUntil(page, 1, truth, entered);
  await expect(page.getByTestId('label-saved')).toHaveAttribute('data-saved', 'saved');

  // A reload between the batches: the session is in the list and resumes where it stopped.
  await page.reload();
  await page.getByRole('button', { name: /^Resume fashion\.zip/ }).click();
  await expect(page.getByTestId('label-batches')).toHaveText('1');
  await expect(progress).toContainText('hardest first by least confidence', LONG);
  await expect(progress).toContainText('0 of 10 in this batch');
  // The selector's guess is pre-selected under every image it queued.
  await expect(page.locator('.label-tile .label-tile-answer').first()).toContainText('guess: ');
  // Keyboard first: the new batch has the focus on its first image, so a key labels it at once.
  const firstName = (await page.locator('.label-tile[aria-current="true"]').getAttribute('data-name'))!;
  await page.keyboard.press(keyOf(truth.get(firstName)!));
  entered.set(firstName, truth.get(firstName)!);
  await expect(progress).toContainText('1 of 10 in this batch');
  await labelUntil(page, 2, truth, entered);
  await expect(page.getByTestId('label-saved')).toHaveAttribute('data-saved', 'saved');
  await expect(page.getByTestId('label-estimate')).not.toHaveAttribute('data-points', '0', LONG);

  // Finish: the fused dense model trains; then the CSV has exactly what was entered.
  await expect(page.getByTestId('label-finish')).toBeEnabled(LONG);
  await page.getByTestId('label-finish').click();
  await expect(page.getByTestId('label-final')).toContainText('Fused dense model trained', LONG);
  await accessible(page, 'the finished session');
  const download = page.waitForEvent('download');
  await page.getByTestId('label-export-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('file,label');
  const expected = [...entered].map(([name, label]) => `${name},${CLASSES[label]!.includes(',') ? `"${CLASSES[label]}"` : CLASSES[label]}`);
  expect(lines.slice(1).sort()).toEqual(expected.sort());
  expect(entered.size).toBeGreaterThanOrEqual(20);

  // The session file carries the session to another browser: deleted here, imported back, the same labels.
  const sessionDownload = page.waitForEvent('download');
  await page.getByTestId('label-export-session').click();
  const sessionFile = await (await sessionDownload).path();
  await page.getByRole('button', { name: 'Close session' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete fashion.zip' }).click();
  await expect(page.getByTestId('label-message')).toHaveText('Session deleted.');
  await expect(page.getByRole('button', { name: /^Resume fashion\.zip/ })).toHaveCount(0);
  await page.getByTestId('label-session-import').setInputFiles({ name: 'fashion.labelling-session.zip', mimeType: 'application/zip', buffer: readFileSync(sessionFile) });
  await expect(page.getByTestId('label-message')).toContainText('Imported the session fashion.zip');
  await page.getByRole('button', { name: /^Resume fashion\.zip/ }).click();
  await expect(page.getByTestId('label-final')).toContainText('Fused dense model trained');
  const again = page.waitForEvent('download');
  await page.getByTestId('label-export-csv').click();
  expect(readFileSync(await (await again).path(), 'utf8')).toBe(csv);
});

test('a zip with a corrupt PNG and a text file: both are listed as skipped, the rest imports', async ({ page }) => {
  const { zip } = await fashionZip([
    { path: 'photos/broken.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]) },
    { path: 'photos/notes.txt', bytes: new TextEncoder().encode('not an image') },
  ]);
  await page.goto('/#label');
  await page.getByTestId('label-files').setInputFiles({ name: 'mixed.zip', mimeType: 'application/zip', buffer: zip });
  await expect(page.getByText(`Imported: ${COUNT} images`)).toBeVisible(LONG);
  const skipped = page.getByTestId('label-skipped');
  await expect(skipped).toContainText('2 files skipped');
  await expect(skipped).toContainText('photos/broken.png');
  await expect(skipped).toContainText('cannot be decoded');
  await expect(skipped).toContainText('photos/notes.txt');
  await expect(skipped).toContainText('not an image file');

  // A file that is not a session file is refused with what is wrong, and nothing is added.
  await page.getByRole('button', { name: 'Discard' }).click();
  await page.getByTestId('label-session-import').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(page.getByTestId('label-message')).toContainText('Not a usable session file: notes.zip');
  await expect(page.getByTestId('label-sessions')).toHaveCount(0);
});

test('a labelling worker that ends mid-round: the page says so, the labels are kept, Retry runs the round', async ({ page }) => {
  test.setTimeout(180_000);
  const { zip, truth } = await fashionZip();
  await page.goto('/#label');
  await page.getByTestId('label-files').setInputFiles({ name: 'fashion.zip', mimeType: 'application/zip', buffer: zip });
  await page.getByLabel(/^Classes/).fill(CLASSES.join('\n'));
  await page.getByLabel('Images per batch').fill('10');
  // A round long enough to end the worker in the middle of it.
  await page.getByLabel('Dense model (the selector is it, pruned)').selectOption('resnet32');
  await page.getByLabel('Epochs per round').fill('80');
  await page.getByTestId('label-start').click();
  const entered = new Map<string, number>();
  await labelUntil(page, 1, truth, entered);
  await expect(page.getByTestId('label-activity')).toContainText('training the selector', LONG);
  // No error event, no message: the worker just ends (as when its execution is terminated).
  expect(await page.evaluate(() => window.__lab!.breakLabellingWorker())).toBe(true);
  await expect(page.getByTestId('label-message')).toContainText('the labelling worker ended', { timeout: 10_000 });
  await expect(page.getByTestId('label-batches')).toHaveText('1');
  await page.getByRole('button', { name: 'Retry the round' }).click();
  await expect(page.getByTestId('label-progress')).toContainText('hardest first', { timeout: 150_000 });
  await expect(page.getByTestId('label-counts')).toContainText('8 training labels, 2 held out');
});

test('a session open in one tab cannot be opened or deleted in another until it is closed there', async ({ page, context }) => {
  const { zip } = await fashionZip();
  await page.goto('/#label');
  await page.getByTestId('label-files').setInputFiles({ name: 'fashion.zip', mimeType: 'application/zip', buffer: zip });
  await page.getByLabel(/^Classes/).fill(CLASSES.join('\n'));
  await page.getByTestId('label-start').click();
  await expect(page.getByTestId('label-progress')).toContainText('random images', LONG);

  const other = await context.newPage();
  await other.goto('/#label');
  await other.getByRole('button', { name: /^Resume fashion\.zip/ }).click();
  await expect(other.getByTestId('label-message')).toContainText('The session fashion.zip is open in another tab of this browser');
  await expect(other.getByTestId('label-progress')).toHaveCount(0);
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: 'Delete fashion.zip' }).click();
  await expect(other.getByTestId('label-message')).toContainText('close it there before deleting it');
  await expect(other.getByRole('button', { name: /^Resume fashion\.zip/ })).toHaveCount(1);

  // Closed in the first tab, it opens in the second.
  await page.getByRole('button', { name: 'Close session' }).click();
  await other.getByRole('button', { name: /^Resume fashion\.zip/ }).click();
  await expect(other.getByTestId('label-progress')).toContainText('random images');
});
