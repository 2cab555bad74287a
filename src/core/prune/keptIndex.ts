/**
 * The map between a dense network and its pruned copy. `KeptChannels` holds, for every conv layer of
 * the dense spec, the sorted indices of the output channels the pruned network keeps. From it follow,
 * for every weight, the dense indices each axis of the pruned weight came from; pruning gathers along
 * them and fusion scatters back along them.
 */
import { layersOf, type ResNetSpec } from '../models/spec.ts';
import { bnKey, BN_FIELDS, FC_BIAS, kernelKey, sizeOf, type TensorData } from '../models/weights.ts';

export type KeptChannels = Record<string, number[]>;

/** Per axis of a weight: the dense indices kept, or null for all of them. */
export type AxisIndices = Array<number[] | null>;

export function weightAxisIndices(dense: ResNetSpec, kept: KeptChannels): Record<string, AxisIndices> {
  const out: Record<string, AxisIndices> = {};
  const keptOf = (layer: string): number[] | null => {
    if (layer === 'input') return null;
    const k = kept[layer];
    if (!k) throw new Error(`kept-channel map has no entry for layer '${layer}'`);
    return k;
  };
  for (const l of layersOf(dense)) {
    if (l.kind === 'dense') {
      out[kernelKey(l.name)] = [keptOf(l.source), null];
      out[FC_BIAS] = [null];
    } else {
      const o = keptOf(l.name);
      out[kernelKey(l.name)] = [null, null, keptOf(l.source), o];
      for (const f of BN_FIELDS) out[bnKey(l.name, f)] = [o];
    }
  }
  return out;
}

function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

/** Flat dense offsets of every element of the sub-tensor, in the sub-tensor's row-major order. */
function subOffsets(denseShape: number[], axes: AxisIndices): { shape: number[]; offsets: Int32Array } {
  if (axes.length !== denseShape.length) throw new Error(`index map has ${axes.length} axes, weight has ${denseShape.length}`);
  const idx = axes.map((a, i) => {
    const all = a ?? Array.from({ length: denseShape[i]! }, (_, j) => j);
    for (const j of all) if (j < 0 || j >= denseShape[i]!) throw new RangeError(`kept index ${j} out of range for axis ${i} of size ${denseShape[i]}`);
    return all;
  });
  const shape = idx.map((a) => a.length);
  const st = strides(denseShape);
  const offsets = new Int32Array(sizeOf(shape));
  let n = 0;
  const walk = (axis: number, base: number): void => {
    if (axis === idx.length) {
      offsets[n++] = base;
      return;
    }
    for (const j of idx[axis]!) walk(axis + 1, base + j * st[axis]!);
  };
  walk(0, 0);
  return { shape, offsets };
}

export function gather(dense: TensorData, axes: AxisIndices): TensorData {
  const { shape, offsets } = subOffsets(dense.shape, axes);
  const values = new Float32Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) values[i] = dense.values[offsets[i]!]!;
  return { shape, values };
}

/** Writes `part` into a copy of `dense` at the indexed positions. */
export function scatter(dense: TensorData, part: TensorData, axes: AxisIndices): TensorData {
  const { shape, offsets } = subOffsets(dense.shape, axes);
  if (shape.join() !== part.shape.join()) {
    throw new Error(`pruned weight has shape [${part.shape.join(', ')}], the kept-channel map expects [${shape.join(', ')}]`);
  }
  const values = dense.values.slice();
  for (let i = 0; i < offsets.length; i++) values[offsets[i]!] = part.values[i]!;
  return { shape: dense.shape.slice(), values };
}
