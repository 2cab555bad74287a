/**
 * Decoding a list of image files into one ImageSet through the injected decoder. All images must have the
 * same height and width. Alpha is dropped; grey images are widened to RGB when any image has colour, and
 * the set is kept at 1 channel when every image is grey (whatever channel count the decoder returned).
 */

import type { SourceFile } from '../expand.ts';
import { count } from '../text.ts';
import { DatasetError, type DecodedImage, type ImageDecoder, type ImageSet } from '../types.ts';
import { allocateImageSet, type ReadContext } from './format.ts';

export interface ImageEntry {
  file: SourceFile;
  label: number;
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp'];

export function isImageName(path: string): boolean {
  const lower = path.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Operating-system litter that is ignored without a warning. */
export function isJunk(path: string): boolean {
  return /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._[^/]*$)/i.test(path);
}

export function needDecoder(context: ReadContext, label: string): ImageDecoder {
  const decode = context.options.decode;
  if (!decode) {
    throw new DatasetError(
      label,
      'image folders need an image decoder (ReadOptions.decode); none was given. In Node use a CIFAR binary ' +
        'or IDX dataset instead',
    );
  }
  return decode;
}

function checkDecoded(file: SourceFile, image: DecodedImage): void {
  const { width, height, channels, data } = image;
  const ok = [width, height].every((d) => Number.isInteger(d) && d > 0) && [1, 3, 4].includes(channels);
  if (!ok || data.length !== width * height * channels) {
    throw new DatasetError(
      file.label,
      `the image decoder returned ${count(data.length)} bytes for ${height}x${width}x${channels}; ` +
        'expected height*width*channels bytes with 1, 3 or 4 channels',
    );
  }
}

/** Copy one decoded image into slot `index` of a 3-channel set; returns whether it has colour. */
function place(set: ImageSet, index: number, image: DecodedImage): boolean {
  const pixels = image.width * image.height;
  const src = image.data;
  const c = image.channels;
  let dst = index * pixels * 3;
  let colour = false;
  for (let p = 0; p < pixels; p++) {
    const s = p * c;
    const r = src[s]!;
    const g = c === 1 ? r : src[s + 1]!;
    const b = c === 1 ? r : src[s + 2]!;
    if (r !== g || g !== b) colour = true;
    set.images[dst++] = r;
    set.images[dst++] = g;
    set.images[dst++] = b;
  }
  return colour;
}

function toGrey(set: ImageSet): ImageSet {
  const grey = new Uint8Array(set.images.length / 3);
  for (let i = 0; i < grey.length; i++) grey[i] = set.images[i * 3]!;
  return { ...set, images: grey, channels: 1 };
}

/** Decode `entries` in order into one set. `label` names the split in messages. */
export async function decodeImageSet(entries: ImageEntry[], context: ReadContext, label: string): Promise<ImageSet> {
  const decode = needDecoder(context, label);
  if (entries.length === 0) throw new DatasetError(label, 'no images');
  const run = async (entry: ImageEntry): Promise<DecodedImage> => {
    let image: DecodedImage;
    try {
      image = await decode(entry.file.bytes, entry.file.name);
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      throw new DatasetError(entry.file.label, `cannot decode image: ${error instanceof Error ? error.message : error}`);
    }
    checkDecoded(entry.file, image);
    return image;
  };

  const first = await run(entries[0]!);
  const shape = { height: first.height, width: first.width, channels: 3 };
  const set = allocateImageSet(label, entries.length, shape, context.maxBytes);
  let colour = false;
  const store = (i: number, image: DecodedImage) => {
    if (image.height !== first.height || image.width !== first.width) {
      throw new DatasetError(
        entries[i]!.file.label,
        `inconsistent image size: ${image.height}x${image.width}, but ${entries[0]!.file.label} is ` +
          `${first.height}x${first.width}; every image must have the same size`,
      );
    }
    colour = place(set, i, image) || colour;
    set.labels[i] = entries[i]!.label;
  };
  store(0, first);

  let next = 1;
  let done = 1;
  let failed = false;
  const worker = async () => {
    while (!failed && next < entries.length) {
      const i = next++;
      try {
        store(i, await run(entries[i]!));
      } catch (error) {
        failed = true; // the other workers stop taking new images
        throw error;
      }
      done++;
      if (done % 256 === 0 || done === entries.length) context.options.onProgress?.('decode', done, entries.length);
    }
  };
  const concurrency = Math.max(1, Math.min(context.options.concurrency ?? 8, entries.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return colour ? set : toGrey(set);
}

function toRgb(set: ImageSet): ImageSet {
  const rgb = new Uint8Array(set.images.length * 3);
  for (let i = 0; i < set.images.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = set.images[i]!;
  return { ...set, images: rgb, channels: 3 };
}

/** Train and test must share height and width; a grey split is widened to RGB when the other has colour. */
export function matchSplits(train: ImageSet, test: ImageSet, testLabel: string): [ImageSet, ImageSet] {
  if (test.height !== train.height || test.width !== train.width) {
    throw new DatasetError(
      testLabel,
      `inconsistent image size: test images are ${test.height}x${test.width}, training images ` +
        `${train.height}x${train.width}`,
    );
  }
  if (train.channels === test.channels) return [train, test];
  return train.channels === 1 ? [toRgb(train), test] : [train, toRgb(test)];
}
