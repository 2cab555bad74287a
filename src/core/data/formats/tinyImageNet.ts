/**
 * Tiny-ImageNet-200 (tiny-imagenet-200.zip or its folder): train/<wnid>/images/*.JPEG per class,
 * val/images/*.JPEG labelled by val/val_annotations.txt (file, wnid, box), wnids.txt for the class order
 * and words.txt for readable names. The unlabelled test/ split is skipped with a warning. Images are 64x64;
 * the few grey JPEGs are widened to RGB.
 */

import type { SourceFile } from '../expand.ts';
import { baseName, lines } from '../text.ts';
import { DatasetError } from '../types.ts';
import { decodeImageSet, isImageName, matchSplits, needDecoder, type ImageEntry } from './decodeImages.ts';
import type { DatasetContent, DatasetFormat, ReadContext } from './format.ts';
import { childFolders, collectImages } from './imageFolder.ts';

const TRAIN_IMAGE = /^(.*?)train\/[^/]+\/images\/[^/]+$/;

function findRoot(files: readonly SourceFile[]): string | undefined {
  for (const f of files) {
    const match = TRAIN_IMAGE.exec(f.name);
    if (match && isImageName(f.name)) return match[1];
  }
  return undefined;
}

function label(files: readonly SourceFile[], path: string): string {
  const archive = files[0]?.archive;
  return archive !== undefined ? `${archive}/${path}` : path;
}

function classNames(files: readonly SourceFile[], root: string, wnids: string[]): string[] {
  const words = files.find((f) => f.name === `${root}words.txt`);
  if (!words) return wnids;
  const table = new Map<string, string>();
  for (const line of lines(words.bytes)) {
    const [wnid, text] = line.split('\t');
    if (wnid && text) table.set(wnid, text.split(',')[0]!.trim());
  }
  const names = wnids.map((w) => table.get(w) ?? w);
  // Keep names unique: a repeated short name gets its wnid.
  return names.map((n, i) => (names.indexOf(n) !== i || names.lastIndexOf(n) !== i ? `${n} (${wnids[i]})` : n));
}

function valEntries(
  files: readonly SourceFile[],
  root: string,
  wnids: string[],
  context: ReadContext,
): ImageEntry[] | undefined {
  const images = collectImages(files, `${root}val/images/`, context);
  if (images.length === 0) return undefined;
  const annotationsPath = `${root}val/val_annotations.txt`;
  const annotations = files.find((f) => f.name === annotationsPath);
  if (!annotations) {
    throw new DatasetError(label(files, annotationsPath), 'missing: the val images need it for their labels');
  }
  const byImage = new Map<string, number>();
  lines(annotations.bytes).forEach((line, i) => {
    const [file, wnid] = line.split('\t');
    const classIndex = wnids.indexOf(wnid ?? '');
    if (!file || classIndex < 0) {
      throw new DatasetError(annotations.label, `line ${i + 1}: class '${wnid ?? ''}' is not in wnids.txt / train/`);
    }
    byImage.set(file, classIndex);
  });
  const entries = images.map((file) => {
    const classIndex = byImage.get(baseName(file.name));
    if (classIndex === undefined) throw new DatasetError(file.label, 'no label for it in val/val_annotations.txt');
    byImage.delete(baseName(file.name));
    return { file, label: classIndex };
  });
  const orphan = byImage.keys().next();
  if (!orphan.done) {
    throw new DatasetError(annotations.label, `names ${orphan.value}, which is not in val/images/`);
  }
  return entries;
}

async function readTinyImageNet(files: readonly SourceFile[], context: ReadContext): Promise<DatasetContent> {
  const root = findRoot(files)!;
  needDecoder(context, label(files, root || 'train/'));
  const folders = childFolders(files, `${root}train/`);
  const wnidFile = files.find((f) => f.name === `${root}wnids.txt`);
  const wnids = wnidFile ? lines(wnidFile.bytes) : folders;
  for (const folder of folders) {
    if (!wnids.includes(folder)) {
      const where = label(files, `${root}train/${folder}/`);
      throw new DatasetError(where, `class folder '${folder}' is not listed in wnids.txt`);
    }
  }
  const train: ImageEntry[] = [];
  wnids.forEach((wnid, classIndex) => {
    const dir = `${root}train/${wnid}/images/`;
    const images = collectImages(files, dir, context);
    if (images.length === 0) throw new DatasetError(label(files, dir), 'class folder has no images');
    for (const file of images) train.push({ file, label: classIndex });
  });
  if (files.some((f) => f.name.startsWith(`${root}test/`))) {
    const where = label(files, `${root}test/`);
    context.warn(`${where}: ignored: Tiny-ImageNet's test split has no labels (val/ is used as test)`);
  }
  const name = wnids.length === 200 ? 'Tiny-ImageNet-200' : 'Tiny-ImageNet';
  const content: DatasetContent = {
    name,
    classes: classNames(files, root, wnids),
    train: await decodeImageSet(train, context, label(files, `${root}train/`)),
    provenance: `${name} (Stanford CS231n): ${label(files, root || './')}`,
  };
  const val = valEntries(files, root, wnids, context);
  if (val) {
    const test = await decodeImageSet(val, context, label(files, `${root}val/`));
    [content.train, content.test] = matchSplits(content.train, test, label(files, `${root}val/`));
  }
  return content;
}

export const tinyImageNetFormat: DatasetFormat = {
  id: 'tiny-imagenet',
  description: 'Tiny-ImageNet (train/<wnid>/images/*.JPEG, val/images + val/val_annotations.txt)',
  detect: (files) => findRoot(files) !== undefined,
  read: readTinyImageNet,
};
