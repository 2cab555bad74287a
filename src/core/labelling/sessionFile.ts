/**
 * A session file, to carry a labelling session to another machine: a .zip holding
 *   session.json          {kind, format, images: {count, size, channels}, session} (the LabellingSession)
 *   images.bin            the images at the model's input size, count * size * size * channels bytes, HWC
 *   selector.model.json   the latest trained selector (weights manifest; its kept channels, for fusion,
 *   selector.weights.bin    in userDefinedMetadata.kept), when there is one
 *   final.model.json      the final fused model, when the session was finished
 *   final.weights.bin
 * Reading checks all of it before anything is used, and throws an Error that says what is wrong.
 */
import { readZip } from '../data/formats/zip.ts';
import { count as commas, utf8 } from '../data/text.ts';
import { writeZip, type ZipEntry } from '../data/writeZip.ts';
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { readWeightsManifest } from '../models/weightsManifest.ts';
import type { KeptChannels } from '../prune/keptIndex.ts';
import { checkImages, sessionProblems, type SessionImages } from './checkSession.ts';
import { modelFiles } from './labelExports.ts';
import type { LabellingSession } from './session.ts';

export const SESSION_FILE_KIND = 'prunefuse-lab/labelling-session';
export const SESSION_FILE_FORMAT = 1;
/** The most a session file may hold once inflated (4 GiB). */
const MAX_BYTES = 2 ** 32;

const MODEL_KINDS = ['selector', 'final'] as const;
export type SessionModelKind = (typeof MODEL_KINDS)[number];

/** A session's trained model as storage keeps it (src/storage/db.ts StoredLabellingModel). */
export interface SessionModel {
  /** `${session id}/${kind}`. */
  id: string;
  spec: ResNetSpec;
  weights: Weights;
  /** Kept channels of a pruned selector (for fusion). */
  kept?: KeptChannels;
  savedAt: string;
}

export type SessionModels = Partial<Record<SessionModelKind, SessionModel>>;

interface SessionJson {
  kind: typeof SESSION_FILE_KIND;
  format: typeof SESSION_FILE_FORMAT;
  images: { count: number; size: number; channels: 1 | 3 };
  session: LabellingSession;
}

export async function writeSessionFile(session: LabellingSession, images: SessionImages, models: Partial<Record<SessionModelKind, Omit<SessionModel, 'id'>>>): Promise<Uint8Array> {
  checkImages(session, images);
  const problems = sessionProblems(session, images);
  if (problems.length > 0) throw new RangeError(`cannot save this session: ${problems.join('; ')}`);
  const { count, size, channels, pixels } = images;
  const json: SessionJson = { kind: SESSION_FILE_KIND, format: SESSION_FILE_FORMAT, images: { count, size, channels }, session };
  const entries: ZipEntry[] = [{ path: 'session.json', bytes: JSON.stringify(json) }, { path: 'images.bin', bytes: pixels }];
  for (const kind of MODEL_KINDS) {
    const m = models[kind];
    if (!m) continue;
    const files = modelFiles(kind, m, { kind, savedAt: m.savedAt, classes: session.classes, ...(m.kept ? { kept: m.kept } : {}) });
    entries.push({ path: files.jsonName, bytes: files.json }, { path: files.binName, bytes: files.bin });
  }
  return writeZip(entries);
}

const isKept = (v: unknown): v is KeptChannels =>
  typeof v === 'object' && v !== null && Object.values(v).every((a) => Array.isArray(a) && a.every((i) => Number.isInteger(i) && i >= 0));

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8(bytes));
  } catch (e) {
    throw new Error(`${name} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function readModel(kind: SessionModelKind, files: Map<string, Uint8Array>, sessionJson: SessionJson): SessionModel | undefined {
  const [jsonName, binName] = [`${kind}.model.json`, `${kind}.weights.bin`];
  const [json, bin] = [files.get(jsonName), files.get(binName)];
  if (!json && !bin) return undefined;
  if (!json || !bin) throw new Error(`${json ? binName : jsonName} is missing (the file holds ${json ? jsonName : binName})`);
  const parsed = parseJson(jsonName, json);
  let model: { spec: ResNetSpec; weights: Weights };
  try {
    model = readWeightsManifest(parsed, bin);
  } catch (e) {
    throw new Error(`${jsonName}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { session, images } = sessionJson;
  const [h, w, c] = model.spec.inputShape;
  if (model.spec.numClasses !== session.classes.length) throw new Error(`${jsonName}: the model has ${model.spec.numClasses} classes, the session ${session.classes.length}`);
  if (h !== images.size || w !== images.size || c !== images.channels) throw new Error(`${jsonName}: the model takes ${h}x${w}x${c} images, the session has ${images.size}x${images.size}x${images.channels}`);
  const meta = (parsed as { userDefinedMetadata?: { kept?: unknown; savedAt?: unknown } }).userDefinedMetadata ?? {};
  if (meta.kept !== undefined && !isKept(meta.kept)) throw new Error(`${jsonName}: userDefinedMetadata.kept is not a list of channel indices per layer`);
  return {
    id: `${session.id}/${kind}`, ...model, ...(meta.kept !== undefined ? { kept: meta.kept } : {}),
    savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : '',
  };
}

function readSessionJson(files: Map<string, Uint8Array>): SessionJson {
  const bytes = files.get('session.json');
  if (!bytes) throw new Error('session.json is missing: this is not a PruneFuse Lab session file');
  const json = parseJson('session.json', bytes) as Partial<SessionJson> | null;
  if (typeof json !== 'object' || json === null || json.kind !== SESSION_FILE_KIND) {
    throw new Error(`session.json is not a PruneFuse Lab labelling session (its kind should be '${SESSION_FILE_KIND}')`);
  }
  if (json.format !== SESSION_FILE_FORMAT) {
    throw new Error(`session.json has format ${JSON.stringify(json.format)}; this lab reads format ${SESSION_FILE_FORMAT}${typeof json.format === 'number' && json.format > SESSION_FILE_FORMAT ? ' (it was written by a newer lab)' : ''}`);
  }
  const im = json.images;
  if (!im || !Number.isInteger(im.count) || im.count < 0 || !Number.isInteger(im.size) || im.size < 1 || (im.channels !== 1 && im.channels !== 3)) {
    throw new Error('session.json: images should record count, size and channels (1 or 3)');
  }
  const problems = sessionProblems(json.session, im);
  if (problems.length > 0) throw new Error(`session.json: ${problems.join('; ')}`);
  return json as SessionJson;
}

/**
 * The session, its images and its models from a session file's bytes (ids as they were: the session keeps
 * its id, the models are `${id}/selector` and `${id}/final`). Throws an Error starting with `label` that
 * says what is wrong: not a zip, truncated, a member missing, or a field that does not fit.
 */
export async function readSessionFile(bytes: Uint8Array, label = 'session file'): Promise<{ session: LabellingSession; images: SessionImages & { id: string }; models: SessionModels }> {
  const members = await readZip(label, bytes, MAX_BYTES); // its errors start with `label:` already
  const files = new Map(members.map((m) => [m.path, m.bytes]));
  try {
    const json = readSessionJson(files);
    const { count, size, channels } = json.images;
    const pixels = files.get('images.bin');
    if (!pixels) throw new Error('images.bin (the pixels) is missing');
    const need = count * size * size * channels;
    if (pixels.length !== need) throw new Error(`images.bin has ${commas(pixels.length)} bytes; ${commas(count)} images of ${size}x${size}x${channels} need ${commas(need)}`);
    const models: SessionModels = {};
    for (const kind of MODEL_KINDS) {
      const model = readModel(kind, files, json);
      if (model) models[kind] = model;
    }
    // A stored member is a view into the whole file: copy it, so that saving the pixels saves only them.
    const own = pixels.byteOffset === 0 && pixels.byteLength === pixels.buffer.byteLength ? pixels : pixels.slice();
    return { session: json.session, images: { id: json.session.id, count, size, channels, pixels: own }, models };
  } catch (e) {
    throw new Error(`${label}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
