/**
 * Image folders: one sub-folder per class ('pets/cat/001.png', 'pets/dog/…'), given as files or as a
 * .zip of the folder. Optional splits: 'train/<class>/…' with 'test/<class>/…' (or 'val/'). Classes are the
 * folder names in code-point order. Inside a class folder, images may sit in nested folders.
 *
 * Policy for non-image files inside a class folder (a notes.txt, a .csv): skipped and listed in
 * Dataset.warnings by default, an error with ReadOptions.strict. OS litter (.DS_Store, Thumbs.db,
 * __MACOSX/) is ignored silently. A class folder without images is always an error.
 */

import type { SourceFile } from '../expand.ts';
import { baseName, plural } from '../text.ts';
import { DatasetError } from '../types.ts';
import {
  decodeImageSet,
  IMAGE_EXTENSIONS,
  isImageName,
  isJunk,
  matchSplits,
  needDecoder,
  type ImageEntry,
} from './decodeImages.ts';
import type { DatasetContent, DatasetFormat, ReadContext } from './format.ts';

const TEST_DIRS = ['test', 'val', 'validation'];

/** The first path segment of each entry under `prefix` that is a folder. */
export function childFolders(files: readonly SourceFile[], prefix: string): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    if (!f.name.startsWith(prefix)) continue;
    const rest = f.name.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash > 0) dirs.add(rest.slice(0, slash));
  }
  return [...dirs].sort();
}

/** Image files under `dir` (any depth), sorted; non-image files are warned about or, when strict, refused. */
export function collectImages(files: readonly SourceFile[], dir: string, context: ReadContext): SourceFile[] {
  const images: SourceFile[] = [];
  for (const f of files) {
    if (!f.name.startsWith(dir) || f.name.endsWith('/') || isJunk(f.name)) continue;
    if (isImageName(f.name)) {
      images.push(f);
      continue;
    }
    const problem = `not an image file (only ${IMAGE_EXTENSIONS.join(', ')} are read)`;
    if (context.options.strict) throw new DatasetError(f.label, problem);
    context.warn(`${f.label}: skipped: ${problem}`);
  }
  return images.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Strip folders that only wrap the dataset ('my-zip/pets/cat/…' -> root 'my-zip/pets/'). */
function findRoot(files: readonly SourceFile[]): string {
  let prefix = '';
  for (;;) {
    const here = files.filter((f) => f.name.startsWith(prefix) && !f.name.slice(prefix.length).includes('/'));
    if (here.some((f) => isImageName(f.name))) return prefix;
    const dirs = childFolders(files, prefix);
    if (dirs.length !== 1) return prefix;
    const inner = `${prefix}${dirs[0]}/`;
    if (childFolders(files, inner).length === 0) return prefix;
    prefix = inner;
  }
}

function labelFor(files: readonly SourceFile[], path: string): string {
  const archive = files[0]?.archive;
  const inOneArchive = archive !== undefined && files.every((f) => f.archive === archive);
  if (inOneArchive) return path ? `${archive}/${path}` : archive;
  return path || '(folder)';
}

function splitEntries(
  files: readonly SourceFile[],
  root: string,
  classes: string[],
  context: ReadContext,
): ImageEntry[] {
  const entries: ImageEntry[] = [];
  for (const f of files) {
    const rest = f.name.slice(root.length);
    if (f.name.startsWith(root) && !rest.includes('/') && rest !== '' && !isJunk(f.name)) {
      context.warn(`${f.label}: skipped: not inside a class folder`);
    }
  }
  for (const name of childFolders(files, root)) {
    const dir = `${root}${name}/`;
    const label = classes.indexOf(name);
    if (label < 0) {
      throw new DatasetError(labelFor(files, dir), `class '${name}' is not among the training classes`);
    }
    const images = collectImages(files, dir, context);
    if (images.length === 0) {
      const all = files.filter((f) => f.name.startsWith(dir) && !f.name.endsWith('/') && !isJunk(f.name));
      const skipped = all.length > 0 ? ` (${plural(all.length, 'other file')} skipped)` : '';
      throw new DatasetError(labelFor(files, dir), `class folder has no images${skipped}`);
    }
    for (const file of images) entries.push({ file, label });
  }
  return entries;
}

async function readImageFolder(files: readonly SourceFile[], context: ReadContext): Promise<DatasetContent> {
  const kept = files.filter((f) => !isJunk(f.name));
  const root = findRoot(kept);
  const topFolders = childFolders(kept, '');
  const rootLabel = labelFor(kept, root || (topFolders.length === 1 ? `${topFolders[0]}/` : ''));
  if (!kept.some((f) => isImageName(f.name))) {
    throw new DatasetError(rootLabel, 'empty folder: no images (expected one sub-folder of images per class)');
  }
  needDecoder(context, rootLabel);
  const top = childFolders(kept, root);
  const hasSplits = top.includes('train');
  const trainRoot = hasSplits ? `${root}train/` : root;
  const classes = childFolders(kept, trainRoot);
  if (classes.length < 2) {
    throw new DatasetError(
      labelFor(kept, trainRoot),
      `${classes.length === 0 ? 'no class folders' : `only one class folder ('${classes[0]}')`}: ` +
        'expected one sub-folder of images per class, at least 2',
    );
  }
  const trainEntries = splitEntries(kept, trainRoot, classes, context);
  const testDir = hasSplits ? TEST_DIRS.find((d) => top.includes(d)) : undefined;
  if (hasSplits) {
    for (const d of top) {
      if (d !== 'train' && d !== testDir) context.warn(`${labelFor(kept, `${root}${d}/`)}: ignored folder`);
    }
  }
  const archive = kept[0]?.archive;
  const name = root
    ? baseName(root)
    : archive !== undefined
      ? baseName(archive).replace(/\.(zip|tar|tar\.gz|tgz)$/i, '')
      : 'images';
  const content: DatasetContent = {
    name,
    classes,
    train: await decodeImageSet(trainEntries, context, labelFor(kept, trainRoot)),
    provenance: `image folder ${rootLabel}: ${classes.length} classes`,
  };
  if (testDir !== undefined) {
    const testRoot = `${root}${testDir}/`;
    const test = await decodeImageSet(splitEntries(kept, testRoot, classes, context), context, labelFor(kept, testRoot));
    [content.train, content.test] = matchSplits(content.train, test, labelFor(kept, testRoot));
  }
  return content;
}

export const imageFolderFormat: DatasetFormat = {
  id: 'image-folder',
  description: 'an image folder (one sub-folder per class) or a .zip of one',
  detect: (files) => files.some((f) => isImageName(f.name) || f.name.endsWith('/')),
  read: readImageFolder,
};
