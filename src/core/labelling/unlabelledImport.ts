/**
 * Importing one's own unlabelled images for the labelling mode: any number of files (a folder, a .zip's
 * members, single files), any size. Each image is decoded by the injected decoder (the browser's, in a
 * worker) and cut to the model's input by the resize rule (data/squareCrop.ts: shorter side to `size`, centred
 * square). Corrupt, empty, non-image and unsupported files are listed as skipped with the reason, never an
 * error; OS litter is ignored. Images keep their full path as their name, so equal names in different folders
 * stay distinct. Optional: class names (a list) and known labels (CSV `file,label`, label a class name or index;
 * without class names, the CSV's labels are the classes).
 */
import type { SourceFile } from '../data/expand.ts';
import { isJunk } from '../data/formats/decodeImages.ts';
import { csvRows } from '../data/csvRows.ts';
import { squareCrop } from '../data/squareCrop.ts';
import { baseName } from '../data/text.ts';
import type { ImageDecoder } from '../data/types.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';

/** What browsers decode (createImageBitmap) and the issue names: JPEG, PNG, WebP, GIF, BMP. */
export const SUPPORTED = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp'];
/** Image formats people have that browsers do not decode: skipped with that reason. */
const UNSUPPORTED = ['.tif', '.tiff', '.heic', '.heif', '.avif', '.svg', '.psd', '.raw', '.cr2', '.nef', '.ico'];

export interface Skipped {
  name: string;
  why: string;
}

export interface UnlabelledImages {
  /** One name per image: its path (archive-qualified where two inputs share a path). */
  names: string[];
  /** size * size * channels bytes per image, HWC. */
  pixels: Uint8Array;
  count: number;
  size: number;
  /** 1 when every image is grey, else 3. */
  channels: 1 | 3;
  classes: string[];
  /** A known label per image (from the CSV), or UNKNOWN_LABEL. */
  known: Int32Array;
  skipped: Skipped[];
  /** Lines of the labels CSV that name no imported image, or no class. */
  csvProblems: string[];
}

export interface ImportOptions {
  size: number;
  decode: ImageDecoder;
  classes?: string[];
  /** The text of a CSV of `file,label` lines (a header line `file,label` is allowed). */
  knownLabels?: string;
  onProgress?(done: number, total: number): void;
}

const extension = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};

/** Class names from text: one per line (or, on one line, comma-separated); blanks dropped; duplicates refused. */
export function parseClassNames(text: string): string[] {
  const names = text.split(/\r?\n/.test(text.trim()) ? /\r?\n/ : ',').map((s) => s.trim()).filter((s) => s !== '');
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new RangeError(`the class "${n}" is listed twice`);
    seen.add(n);
  }
  return names;
}

function applyKnownLabels(text: string, names: string[], classes: string[], known: Int32Array): string[] {
  const problems: string[] = [];
  const byName = new Map(names.map((n, i) => [n, i]));
  const byBase = new Map<string, number[]>();
  names.forEach((n, i) => byBase.set(baseName(n), [...(byBase.get(baseName(n)) ?? []), i]));
  csvRows(text).forEach((fields, line) => {
    const cells = fields.map((f) => f.trim());
    if (cells.every((c) => c === '') || (line === 0 && cells.length === 2 && /^file$/i.test(cells[0]!) && /^label$/i.test(cells[1]!))) return;
    if (cells.length !== 2) return void problems.push(`line ${line + 1}: not "file,label" (${cells.length} fields; quote a name that holds a comma)`);
    const [file, label] = cells as [string, string];
    const matches = byName.has(file) ? [byName.get(file)!] : (byBase.get(baseName(file)) ?? []);
    if (matches.length !== 1) return void problems.push(`line ${line + 1}: ${matches.length === 0 ? `no imported image is named ${file}` : `${file} matches ${matches.length} images; give its folder too`}`);
    const index = classes.indexOf(label);
    const number = /^\d+$/.test(label) ? Number(label) : -1;
    const cls = index >= 0 ? index : number >= 0 && number < classes.length ? number : -1;
    if (cls < 0) return void problems.push(`line ${line + 1}: ${label} is not one of the classes (${classes.join(', ') || 'none given'})`);
    known[matches[0]!] = cls;
  });
  return problems;
}

/** Without class names given, the labels a CSV names, in order of first appearance. */
function classesOfCsv(text: string): string[] {
  const rows = csvRows(text).filter((r) => r.length === 2 && r[1]!.trim() !== '');
  const labels = rows.map((r) => r[1]!.trim()).filter((l, i) => !(i === 0 && /^label$/i.test(l) && /^file$/i.test(rows[0]![0]!.trim())));
  return [...new Set(labels)];
}

export async function importUnlabelled(files: readonly SourceFile[], options: ImportOptions): Promise<UnlabelledImages> {
  const { size, decode } = options;
  const skipped: Skipped[] = [];
  const candidates: SourceFile[] = [];
  const pathCount = new Map<string, number>();
  for (const f of files) pathCount.set(f.name, (pathCount.get(f.name) ?? 0) + 1);
  const nameOf = (f: SourceFile) => ((pathCount.get(f.name) ?? 0) > 1 ? f.label : f.name);
  for (const f of files) {
    if (isJunk(f.name)) continue;
    const ext = extension(f.name);
    if (UNSUPPORTED.includes(ext)) skipped.push({ name: nameOf(f), why: `${ext} images are not supported here (use JPEG, PNG, WebP, GIF or BMP)` });
    else if (!SUPPORTED.includes(ext)) skipped.push({ name: nameOf(f), why: 'not an image file (by its name)' });
    else if (f.bytes.length === 0) skipped.push({ name: nameOf(f), why: 'empty file (0 bytes)' });
    else candidates.push(f);
  }
  const rgb = new Uint8Array(candidates.length * size * size * 3);
  const names: string[] = [];
  let allGrey = true;
  for (const [i, f] of candidates.entries()) {
    options.onProgress?.(i, candidates.length);
    let crop: Uint8Array;
    try {
      const image = await decode(f.bytes, f.label);
      if (image.width < 1 || image.height < 1) throw new Error('it has no pixels');
      crop = squareCrop(image, size, 3);
    } catch (e) {
      skipped.push({ name: nameOf(f), why: `cannot be decoded (${e instanceof Error ? e.message : String(e)}): corrupt, or not what its name says` });
      continue;
    }
    for (let p = 0; allGrey && p < crop.length; p += 3) if (crop[p] !== crop[p + 1] || crop[p] !== crop[p + 2]) allGrey = false;
    rgb.set(crop, names.length * size * size * 3);
    names.push(nameOf(f));
  }
  options.onProgress?.(candidates.length, candidates.length);
  const count = names.length;
  const channels = allGrey && count > 0 ? 1 : 3;
  const pixels = channels === 3 ? rgb.slice(0, count * size * size * 3) : Uint8Array.from({ length: count * size * size }, (_, p) => rgb[p * 3]!);
  const classes = options.classes?.length ? options.classes : options.knownLabels ? classesOfCsv(options.knownLabels) : [];
  const known = new Int32Array(count).fill(UNKNOWN_LABEL);
  const csvProblems = options.knownLabels ? applyKnownLabels(options.knownLabels, names, classes, known) : [];
  return { names, pixels, count, size, channels, classes, known, skipped, csvProblems };
}
