/** What every dataset format implements, and the one place where pixel memory is allocated. */

import type { SourceFile } from '../expand.ts';
import { byteSize, count } from '../text.ts';
import { DatasetError, type ImageSet, type ReadOptions } from '../types.ts';
import { labelCounts } from '../classCounts.ts';

export interface ReadContext {
  maxBytes: number;
  options: ReadOptions;
  /** Record something skipped; it ends up in Dataset.warnings. */
  warn(message: string): void;
}

/** A dataset before it gets its id. */
export interface DatasetContent {
  name: string;
  classes: string[];
  train: ImageSet;
  test?: ImageSet;
  provenance: string;
  coarseClasses?: string[];
}

export interface DatasetFormat {
  /** Stable id, e.g. 'cifar-binary'. */
  id: string;
  /** What the user would call it, for "expected ..." messages. */
  description: string;
  /** Cheap: looks at names (and at most a few header bytes). */
  detect(files: readonly SourceFile[]): boolean;
  read(files: readonly SourceFile[], context: ReadContext): Promise<DatasetContent>;
}

/** Allocate an ImageSet's arrays after checking the pixel bytes fit under maxBytes. */
export function allocateImageSet(
  label: string,
  images: number,
  shape: { height: number; width: number; channels: number },
  maxBytes: number,
  withCoarseLabels = false,
): ImageSet {
  const { height, width, channels } = shape;
  const bytes = images * height * width * channels;
  if (bytes > maxBytes) {
    throw new DatasetError(
      label,
      `too large: ${count(images)} images of ${height}x${width}x${channels} need ${byteSize(bytes)} of pixels, ` +
        `more than the ${byteSize(maxBytes)} limit (maxBytes)`,
    );
  }
  const set: ImageSet = {
    images: new Uint8Array(bytes),
    labels: new Int32Array(images),
    count: images,
    height,
    width,
    channels,
  };
  if (withCoarseLabels) set.coarseLabels = new Int32Array(images);
  return set;
}

/** Class counts of a split (how many images carry each label). */
export function classCounts(set: ImageSet, classes: number): number[] {
  return labelCounts(set.labels.subarray(0, set.count), classes);
}
