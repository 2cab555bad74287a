import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipBytes } from '../src/testing/dataFixtures.ts';
import { LabPage } from './fixtures/labPage.ts';

/** An uncompressed 24-bit BMP of one colour (browsers decode it with createImageBitmap). */
function bmp(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + rowSize * height);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(rowSize * height, 34);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = 54 + y * rowSize + x * 3;
      [out[at], out[at + 1], out[at + 2]] = [rgb[2], rgb[1], rgb[0]];
    }
  }
  return new Uint8Array(out);
}

/** The shared CIFAR-10 copy beside the repository (see its README): one training and the test batch. */
const CIFAR_DIR = resolve(process.cwd(), '../shared/data/cifar-10-batches-bin-jpegsrc');
const TEST_BATCH = join(CIFAR_DIR, 'test_batch.bin.gz');
const TRAIN_BATCH = join(CIFAR_DIR, 'data_batch_1.bin.gz');

test('the lab opens on the embedded CIFAR-10 subset and lists both embedded datasets', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/');
  await expect(lab.config('dataset')).toHaveValue('cifar10-subset');
  await expect(lab.datasetRow('cifar10-subset')).toContainText('5,000 / 1,000');
  await expect(lab.datasetRow('fashion-mnist-subset')).toContainText('28×28×1');
  await expect(lab.start()).toBeEnabled();
});

test('a link to a dataset this browser lacks says which one and how to import it', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?v=1&seed=0&dataset=cifar-10-0badc0de');
  await expect(lab.datasetMissing()).toContainText('cifar-10-0badc0de');
  await expect(lab.datasetMissing()).toContainText('Import');
  await expect(lab.start()).toBeDisabled();
  await expect(lab.blocked()).toContainText('cifar-10-0badc0de');
});

test('import CIFAR batches through the file picker; they survive a reload; a truncated file is refused', async ({ page }) => {
  test.skip(!existsSync(TEST_BATCH) || !existsSync(TRAIN_BATCH), `needs ${TEST_BATCH} and ${TRAIN_BATCH} (the shared CIFAR-10 copy)`);
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await page.goto('/');
  await expect(lab.config('dataset')).toHaveValue('cifar10-subset');
  // A test batch alone is refused by the CIFAR reader (it needs a training batch), so both go in.
  await lab.datasetImport().setInputFiles([TRAIN_BATCH, TEST_BATCH]);
  await expect.poll(async () => (await lab.state()).config.dataset, { timeout: 120_000 }).toMatch(/^cifar-10-[0-9a-f]{8}$/);
  const id = (await lab.state()).config.dataset;
  await expect(lab.datasetRow(id)).toContainText('10,000 / 10,000');
  await expect(lab.config('dataset')).toHaveValue(id);
  await expect.poll(() => page.evaluate(() => location.search)).toContain(`dataset=${id}`);

  await page.reload();
  await expect(lab.datasetRow(id)).toContainText('10,000 / 10,000');
  await expect(lab.config('dataset')).toHaveValue(id);
  await expect(lab.datasetMissing()).toHaveCount(0);

  const dir = await mkdtemp(join(tmpdir(), 'lab-e2e-'));
  const truncated = join(dir, 'data_batch_1.bin');
  const head = (await readFile(join(process.cwd(), 'public/data/cifar10-subset/data_batch_1.bin'))).subarray(0, 3073 * 3 + 1000);
  await writeFile(truncated, head);
  await lab.datasetImport().setInputFiles(truncated);
  await expect(lab.datasetError()).toContainText('data_batch_1.bin', { timeout: 30_000 });
  await expect(lab.config('dataset')).toHaveValue(id);
  expect((await lab.state()).config.dataset).toBe(id);

  await lab.datasetDelete(id).click();
  await expect(lab.datasetRow(id)).toHaveCount(0);
  await expect(lab.config('dataset')).toHaveValue('cifar10-subset');
});

test('an image-folder zip is decoded in the worker and listed with its shape and classes', async ({ page }) => {
  const lab = new LabPage(page);
  const colours: Record<string, [number, number, number]> = { blue: [20, 40, 220], red: [220, 30, 20] };
  const entries = Object.entries(colours).flatMap(([name, rgb]) =>
    Array.from({ length: 6 }, (_, i) => ({ path: `shapes/${name}/${i}.bmp`, bytes: bmp(8, 8, [rgb[0], rgb[1] + i, rgb[2]]) })),
  );
  const dir = await mkdtemp(join(tmpdir(), 'lab-e2e-'));
  const zip = join(dir, 'shapes.zip');
  await writeFile(zip, await zipBytes(entries));
  await page.goto('/');
  await expect(lab.config('dataset')).toHaveValue('cifar10-subset');
  await lab.datasetImport().setInputFiles(zip);
  await expect.poll(async () => (await lab.state()).config.dataset, { timeout: 30_000 }).not.toBe('cifar10-subset');
  const id = (await lab.state()).config.dataset;
  await expect(lab.datasetRow(id)).toContainText('8×8×3');
  await expect(lab.datasetRow(id)).toContainText('12 / 0');
  await expect(lab.datasetError()).toHaveCount(0);
});
