/**
 * What the dataset worker tells the page's views about a dataset's images (plain data, loads nothing):
 * whether this browser has the dataset, its class names and image size, and for asked-for training images
 * their labels and small pixels.
 */
import type { Thumbnails } from '../core/data/thumbnails.ts';

export type { Thumbnails } from '../core/data/thumbnails.ts';

export interface DatasetFacts {
  id: string;
  name: string;
  classes: string[];
  /** [height, width, channels]. */
  imageShape: [number, number, number];
  trainCount: number;
}

/** The dataset, or why this browser does not have it (a shared run on a dataset imported elsewhere). */
export type DatasetLookup = { available: true; facts: DatasetFacts } | { available: false; why: string };

/** Labels and thumbnails of some training images, in the order asked. */
export interface ImageBatch {
  indices: number[];
  labels: Int32Array;
  thumbnails: Thumbnails | null;
}

/** The test set a run drew (from its seed and caps): how many test images of each class. */
export interface TestSetFacts {
  size: number;
  classCounts: number[];
}
