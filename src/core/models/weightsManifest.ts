/**
 * A trained network as tfjs's weights-manifest format: `model.json` (the ResNet spec as its topology and a
 * weightsManifest naming every weight's shape and dtype, in forward order) and one `.bin` of little-endian
 * float32 values, concatenated in manifest order. The lab exports its final models this way; the lab and
 * the CLI read them back (readWeightsManifest) to the same bits.
 */
import { checkSpec, type ResNetSpec } from './spec.ts';
import { sizeOf, weightShapes, type Weights } from './weights.ts';

export const MODEL_FORMAT = 'prunefuse-lab/resnet';

/** A file name for a method label ('prunefuse@0.5' -> 'prunefuse-0.5'): `<stem>.model.json`, `<stem>.weights.bin`. */
export const modelFileStem = (method: string): string => method.replace(/[^A-Za-z0-9._-]+/g, '-');

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  generatedBy: string;
  /** The ResNet spec (src/core/models/spec.ts), not a Keras topology. */
  modelTopology: ResNetSpec;
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: 'float32' }> }>;
  /** What the model is: method, round, accuracy. Free-form. */
  userDefinedMetadata?: Record<string, unknown>;
}

export function writeWeightsManifest(spec: ResNetSpec, weights: Weights, binName: string, metadata?: Record<string, unknown>): { modelJson: ModelJson; bin: Uint8Array } {
  const entries = weightShapes(spec).map(([name, shape]) => {
    const w = weights[name];
    if (!w) throw new Error(`missing weight '${name}'`);
    if (w.values.length !== sizeOf(shape)) throw new Error(`weight '${name}' has ${w.values.length} values, expected ${sizeOf(shape)}`);
    return { name, shape, values: w.values };
  });
  const floats = new Float32Array(entries.reduce((n, e) => n + e.values.length, 0));
  let at = 0;
  for (const e of entries) {
    floats.set(e.values, at);
    at += e.values.length;
  }
  const modelJson: ModelJson = {
    format: MODEL_FORMAT,
    generatedBy: 'PruneFuse Lab',
    modelTopology: spec,
    weightsManifest: [{ paths: [binName], weights: entries.map(({ name, shape }) => ({ name, shape, dtype: 'float32' })) }],
    ...(metadata ? { userDefinedMetadata: metadata } : {}),
  };
  return { modelJson, bin: new Uint8Array(floats.buffer) };
}

/** The spec and weights of a model.json and its .bin; throws an Error naming what does not fit. */
export function readWeightsManifest(json: unknown, bin: Uint8Array): { spec: ResNetSpec; weights: Weights } {
  const m = json as Partial<ModelJson>;
  if (typeof m !== 'object' || m === null || m.format !== MODEL_FORMAT) throw new Error(`not a PruneFuse Lab model.json (format should be '${MODEL_FORMAT}')`);
  const spec = m.modelTopology!;
  checkSpec(spec);
  const listed = (m.weightsManifest ?? []).flatMap((g) => g.weights);
  const expected = weightShapes(spec);
  if (listed.length !== expected.length || listed.some((w, i) => w.name !== expected[i]![0] || w.dtype !== 'float32' || JSON.stringify(w.shape) !== JSON.stringify(expected[i]![1]))) {
    throw new Error('the weights manifest does not match the ResNet spec in model.json');
  }
  const total = listed.reduce((n, w) => n + sizeOf(w.shape), 0);
  if (bin.byteLength !== total * 4) throw new Error(`the .bin has ${bin.byteLength} bytes, the manifest needs ${total * 4}`);
  const floats = new Float32Array(bin.slice().buffer);
  const weights: Weights = {};
  let at = 0;
  for (const w of listed) {
    const n = sizeOf(w.shape);
    weights[w.name] = { shape: [...w.shape], values: floats.slice(at, at + n) };
    at += n;
  }
  return { spec, weights };
}
