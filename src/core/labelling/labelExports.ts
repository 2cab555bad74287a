/**
 * What a labelling session gives back to the person: the labels as a CSV (`file,label`, the class by name),
 * the labelled images sorted into one folder per class in a .zip (with the same CSV at its root), and a model
 * as a weights manifest. An image is labelled when its role is 'train' or 'holdout' (labels known at import
 * are 'train' too); skipped and unlabelled images, and answers in a batch not closed yet, are left out.
 *
 * The images in the zip are the ones the lab trained on: cut to the model's input size (size x size, as
 * stored at import, data/squareCrop.ts) and saved as lossless PNGs, not the original files.
 */
import { encodePng } from '../data/encodePng.ts';
import { baseName } from '../data/text.ts';
import { writeZip, type ZipEntry } from '../data/writeZip.ts';
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { writeWeightsManifest } from '../models/weightsManifest.ts';
import { checkImages, type SessionImages } from './checkSession.ts';
import type { LabellingSession } from './session.ts';

/** The labelled images in image order, each with its class; throws if a labelled image has no class. */
export function labelledImages(session: LabellingSession): Array<{ image: number; name: string; label: number }> {
  const out: Array<{ image: number; name: string; label: number }> = [];
  session.roles.forEach((role, image) => {
    if (role !== 'train' && role !== 'holdout') return;
    const label = session.labels[image] ?? -1;
    const name = session.names[image] ?? `image ${image + 1}`;
    if (!Number.isInteger(label) || label < 0 || label >= session.classes.length) throw new RangeError(`${name} is labelled (${role}) but its label ${label} is not a class`);
    out.push({ image, name, label });
  });
  return out;
}

/** An RFC 4180 field: quoted (with quotes doubled) when it holds a comma, a quote or a line break. */
export const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `file,label` with a line per labelled image: its name as imported, its class by name. CRLF line ends. */
export function labelsCsv(session: LabellingSession): string {
  const rows = labelledImages(session).map(({ name, label }) => `${csvField(name)},${csvField(session.classes[label]!)}`);
  return ['file,label', ...rows].map((row) => `${row}\r\n`).join('');
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Bytes kept of a name, leaving room under the common 255-byte limit for ' (n)' and an extension. */
const MAX_BYTES = 200;

/**
 * A name that every common file system accepts as one path segment: no / \ : * ? " < > | or control
 * characters, no leading dot (hidden) or trailing dot or space (Windows), not a device name, not empty,
 * at most 200 UTF-8 bytes.
 */
export function safeName(name: string): string {
  let s = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim().replace(/[. ]+$/, '');
  if (s.startsWith('.')) s = `_${s}`;
  if (s === '') s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  let bytes = 0;
  let kept = '';
  for (const ch of s) {
    bytes += utf8Length(ch.codePointAt(0)!);
    if (bytes > MAX_BYTES) break;
    kept += ch;
  }
  return kept;
}

/**
 * `stem + ext`, or `stem (2)ext`, `stem (3)ext`, ... where that is taken; adds the result to `taken`.
 * Compared without case and in one Unicode form, as macOS and Windows file systems compare names.
 */
export function uniqueName(taken: Set<string>, stem: string, ext = ''): string {
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  let out = stem + ext;
  for (let k = 2; taken.has(key(out)); k++) out = `${stem} (${k})${ext}`;
  taken.add(key(out));
  return out;
}

/** 'photos/IMG 1.JPG' -> 'IMG 1' (the stem of the image's PNG). */
const pngStem = (name: string) => {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return safeName(dot > 0 ? base.slice(0, dot) : base);
};

/**
 * A .zip of the labelled images, one folder per class (its name made safe for file systems, and distinct
 * from the other classes' folders even where two names become the same), each image a PNG named after its
 * file (made unique within the folder: `a.png`, `a (2).png`), and `labels.csv` (labelsCsv) at the root.
 * Every class gets its folder, with or without images.
 */
export async function classFolderZip(session: LabellingSession, images: SessionImages): Promise<Uint8Array> {
  checkImages(session, images);
  const rows = labelledImages(session);
  const root = new Set<string>();
  uniqueName(root, 'labels', '.csv');
  const folders = session.classes.map((c) => uniqueName(root, safeName(c)));
  const inFolder = folders.map(() => new Set<string>());
  const entries: ZipEntry[] = folders.map((path) => ({ path, directory: true }));
  const bytes = images.size * images.size * images.channels;
  for (const { image, name, label } of rows) {
    const png = await encodePng(images.pixels.subarray(image * bytes, (image + 1) * bytes), images.size, images.size, images.channels);
    entries.push({ path: `${folders[label]}/${uniqueName(inFolder[label]!, pngStem(name), '.png')}`, bytes: png, store: true });
  }
  entries.push({ path: 'labels.csv', bytes: labelsCsv(session) });
  return writeZip(entries);
}

/** A model as the two files of a weights manifest. */
export interface ModelFiles {
  jsonName: string;
  json: string;
  binName: string;
  bin: Uint8Array;
}

/**
 * `<stem>.model.json` and `<stem>.weights.bin` (the names models/weightsManifest.ts uses), the manifest
 * pointing at the .bin by that name. `stem` should be file-safe (modelFileStem or safeName).
 */
export function modelFiles(stem: string, model: { spec: ResNetSpec; weights: Weights }, metadata?: Record<string, unknown>): ModelFiles {
  const binName = `${stem}.weights.bin`;
  const { modelJson, bin } = writeWeightsManifest(model.spec, model.weights, binName, metadata);
  return { jsonName: `${stem}.model.json`, json: JSON.stringify(modelJson), binName, bin };
}
