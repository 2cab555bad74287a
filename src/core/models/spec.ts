/**
 * A ResNet as plain data. Every convolution's output width is explicit, so the same builder makes the
 * dense network and any narrower (pruned) variant of it. Nothing here touches tensors.
 */

export type BlockKind = 'basic' | 'bottleneck';

export interface BlockSpec {
  /** Stride of the block's first strided conv (basic: conv1; bottleneck: conv2) and of its shortcut. */
  stride: 1 | 2;
  /** Output widths of the block's convolutions in order: basic [conv1, conv2], bottleneck [conv1, conv2, conv3]. */
  widths: number[];
  /** 1x1 conv + batch-norm shortcut (true) or identity (false). Fixed by the dense architecture. */
  projection: boolean;
}

export interface ResNetSpec {
  /** Architecture id, e.g. 'resnet56'. Narrower variants keep the id of the network they came from. */
  model: string;
  block: BlockKind;
  /** [height, width, channels] of one input image. */
  inputShape: [number, number, number];
  numClasses: number;
  /** Output width of the 3x3 stem convolution. */
  stem: number;
  /** Three stages of blocks. */
  stages: BlockSpec[][];
}

/** Kernel layout is tfjs's: [kh, kw, in, out]. */
export interface ConvLayer {
  name: string;
  kind: 'conv';
  k: 1 | 3;
  stride: 1 | 2;
  inC: number;
  outC: number;
  /** The layer whose output channels feed this one (same channel space); 'input' for the image. */
  source: string;
  inH: number;
  inW: number;
  outH: number;
  outW: number;
}

export interface DenseLayer {
  name: 'fc';
  kind: 'dense';
  inF: number;
  outF: number;
  source: string;
}

export type Layer = ConvLayer | DenseLayer;

export function blockName(stage: number, block: number): string {
  return `s${stage + 1}.b${block}`;
}

/** Output size of a 'same'-padded convolution. */
export function convOut(size: number, stride: number): number {
  return Math.ceil(size / stride);
}

/**
 * The network's layers in forward order, with the channel space each reads from.
 * A block's output lives in the channel space of its last conv (the residual sum), so the next
 * block's `source` is that conv.
 */
export function layersOf(spec: ResNetSpec): Layer[] {
  const layers: Layer[] = [];
  let [h, w] = spec.inputShape;
  const conv = (name: string, k: 1 | 3, stride: 1 | 2, inC: number, outC: number, source: string): ConvLayer => {
    const layer: ConvLayer = {
      name, kind: 'conv', k, stride, inC, outC, source,
      inH: h, inW: w, outH: convOut(h, stride), outW: convOut(w, stride),
    };
    layers.push(layer);
    return layer;
  };
  conv('stem', 3, 1, spec.inputShape[2], spec.stem, 'input');
  let source = 'stem';
  let inC = spec.stem;
  spec.stages.forEach((blocks, si) => {
    blocks.forEach((b, bi) => {
      const name = blockName(si, bi);
      const blockIn = { h, w };
      let c = inC;
      let last = source;
      b.widths.forEach((outC, ci) => {
        const isBottleneck = spec.block === 'bottleneck';
        const k: 1 | 3 = isBottleneck && ci !== 1 ? 1 : 3;
        const stride: 1 | 2 = ci === (isBottleneck ? 1 : 0) ? b.stride : 1;
        const layer = conv(`${name}.conv${ci + 1}`, k, stride, c, outC, last);
        h = layer.outH;
        w = layer.outW;
        c = outC;
        last = layer.name;
      });
      if (b.projection) {
        const [saveH, saveW] = [h, w];
        [h, w] = [blockIn.h, blockIn.w];
        conv(`${name}.shortcut`, 1, b.stride, inC, c, source);
        [h, w] = [saveH, saveW];
      }
      source = last;
      inC = c;
    });
  });
  layers.push({ name: 'fc', kind: 'dense', inF: inC, outF: spec.numClasses, source });
  return layers;
}

/** Width of the penultimate features (the last block's output, after global average pooling). */
export function featureWidth(spec: ResNetSpec): number {
  return spec.stages.at(-1)!.at(-1)!.widths.at(-1)!;
}

export function convLayersOf(spec: ResNetSpec): ConvLayer[] {
  return layersOf(spec).filter((l): l is ConvLayer => l.kind === 'conv');
}

/**
 * Checks a spec's structure and returns it; throws an error naming the offending field.
 * Identity shortcuts need the block's input and output widths to match and stride 1.
 */
export function checkSpec(spec: ResNetSpec): ResNetSpec {
  const fail = (what: string): never => {
    throw new RangeError(`invalid ResNet spec for ${spec.model}: ${what}`);
  };
  const [h, w, c] = spec.inputShape;
  for (const [name, v] of [['inputShape[0] (height)', h], ['inputShape[1] (width)', w], ['inputShape[2] (channels)', c]] as const) {
    if (!Number.isInteger(v) || v < 1) fail(`${name} must be a positive integer, got ${v}`);
  }
  if (!Number.isInteger(spec.numClasses) || spec.numClasses < 2) fail(`numClasses must be an integer >= 2, got ${spec.numClasses}`);
  if (!Number.isInteger(spec.stem) || spec.stem < 1) fail(`stem width must be a positive integer, got ${spec.stem}`);
  const convs = spec.block === 'basic' ? 2 : spec.block === 'bottleneck' ? 3 : fail(`block must be 'basic' or 'bottleneck', got ${String(spec.block)}`);
  if (spec.stages.length === 0) fail('stages must not be empty');
  let inC = spec.stem;
  spec.stages.forEach((blocks, si) => {
    if (blocks.length === 0) fail(`stage ${si + 1} has no blocks`);
    blocks.forEach((b, bi) => {
      const at = `block ${blockName(si, bi)}`;
      if (b.stride !== 1 && b.stride !== 2) fail(`${at}: stride must be 1 or 2, got ${b.stride}`);
      if (b.widths.length !== convs) fail(`${at}: a ${spec.block} block has ${convs} widths, got ${b.widths.length}`);
      b.widths.forEach((x, i) => {
        if (!Number.isInteger(x) || x < 1) fail(`${at}: widths[${i}] must be a positive integer, got ${x}`);
      });
      const out = b.widths[convs - 1]!;
      if (!b.projection && (out !== inC || b.stride !== 1)) {
        fail(`${at}: an identity shortcut needs stride 1 and input width ${inC} = output width ${out}`);
      }
      inC = out;
    });
  });
  return spec;
}
