/**
 * The dataset layer's plain data. Pixels stay uint8 in memory (HWC, interleaved per image); conversion to
 * normalised float32 happens per batch (see stats.ts). Every reader failure is a DatasetError whose message
 * starts with the file it concerns: "data_batch_1.bin: truncated: ...".
 */

/** One split of images: `count` images of height x width x channels bytes each, HWC interleaved. */
export interface ImageSet {
  /** count * height * width * channels bytes, image after image, each in HWC order. */
  images: Uint8Array;
  /** One label per image, in [0, classes.length). */
  labels: Int32Array;
  count: number;
  height: number;
  width: number;
  channels: number;
  /** CIFAR-100's 20 superclass labels, when the format has them. */
  coarseLabels?: Int32Array;
}

export interface Dataset {
  /** Stable: slug(name) + '-' + 8 hex chars of a hash of the decoded content, e.g. 'cifar10-subset-3f2a9c1d'. */
  id: string;
  name: string;
  classes: string[];
  train: ImageSet;
  test?: ImageSet;
  /** Where the data came from, in words. */
  provenance?: string;
  /** CIFAR-100's superclass names (index = coarse label). */
  coarseClasses?: string[];
  /** Things the reader skipped without failing (e.g. a notes.txt inside a class folder). */
  warnings?: string[];
}

/** One input file: a name (a path inside a folder or archive, '/'-separated) and its bytes. */
export interface DatasetFile {
  name: string;
  bytes: Uint8Array;
}

/** What an injected image decoder returns: width * height * channels bytes, HWC, channels 1, 3 or 4. */
export interface DecodedImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** Image decoding is not done in core: the browser worker injects one built on createImageBitmap. */
export type ImageDecoder = (bytes: Uint8Array, fileName: string) => Promise<DecodedImage>;

/** 2 GiB: the default refusal limit for one file, one decompressed member and one split's pixels. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

export interface ReadOptions {
  /** Display name; also the id's prefix unless `idPrefix` is given. Default: the format's usual name. */
  name?: string;
  /** Prefix of the id instead of slug(name), e.g. an embedded dataset's manifest id. */
  idPrefix?: string;
  /** Refuse any file, decompressed member or split larger than this many bytes. Default 2 GiB. */
  maxBytes?: number;
  /** Needed for image folders and zips of them. */
  decode?: ImageDecoder;
  /**
   * Image folders: a non-image file inside a class folder is skipped and listed in `Dataset.warnings` by
   * default; with `strict: true` it is an error instead.
   */
  strict?: boolean;
  /** How many images are decoded at once (default 8). */
  concurrency?: number;
  /** Provenance text to store on the dataset (default: the format's description). */
  provenance?: string;
  /** Called as work proceeds, e.g. ('decode', 2048, 100000). */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A reader failure. `file` names the file (or archive member) and `problem` says what is wrong with it. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
