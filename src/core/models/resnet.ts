/**
 * The CIFAR ResNet family (He et al. 2016, section 4.2): a 3x3 stem, three stages at widths 16/32/64,
 * stride 2 at the first block of stages 2 and 3, a 1x1-conv + BN projection shortcut wherever the shape
 * changes, global average pooling and a dense classifier. Basic blocks give depth 6n+2; bottleneck
 * blocks (expansion 4) give depth 9n+2, e.g. resnet164.
 */
import { checkSpec, type BlockKind, type BlockSpec, type ResNetSpec } from './spec.ts';

export const MODEL_IDS = ['resnet8', 'resnet14', 'resnet20', 'resnet32', 'resnet44', 'resnet56', 'resnet110', 'resnet164'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

const ARCH: Record<ModelId, { depth: number; block: BlockKind }> = {
  resnet8: { depth: 8, block: 'basic' },
  resnet14: { depth: 14, block: 'basic' },
  resnet20: { depth: 20, block: 'basic' },
  resnet32: { depth: 32, block: 'basic' },
  resnet44: { depth: 44, block: 'basic' },
  resnet56: { depth: 56, block: 'basic' },
  resnet110: { depth: 110, block: 'basic' },
  resnet164: { depth: 164, block: 'bottleneck' },
};

export const STAGE_WIDTHS = [16, 32, 64] as const;
const EXPANSION = 4;

export function isModelId(id: string): id is ModelId {
  return (MODEL_IDS as readonly string[]).includes(id);
}

export interface InputOptions {
  /** [height, width, channels]; default CIFAR's [32, 32, 3]. */
  inputShape?: [number, number, number];
  /** Default 10. */
  numClasses?: number;
}

/** A CIFAR ResNet of any valid depth: basic blocks need depth = 6n+2, bottleneck blocks 9n+2. */
export function cifarResNet(depth: number, block: BlockKind, options: InputOptions = {}, model = `resnet${depth}`): ResNetSpec {
  const per = block === 'basic' ? 6 : 9;
  if (!Number.isInteger(depth) || depth < per + 2 || (depth - 2) % per !== 0) {
    throw new RangeError(`depth must be ${per}n+2 with n >= 1 for ${block} blocks, got ${depth}`);
  }
  const n = (depth - 2) / per;
  const stages: BlockSpec[][] = [];
  let inC: number = STAGE_WIDTHS[0];
  STAGE_WIDTHS.forEach((width, si) => {
    const blocks: BlockSpec[] = [];
    for (let bi = 0; bi < n; bi++) {
      const stride: 1 | 2 = si > 0 && bi === 0 ? 2 : 1;
      const out = block === 'basic' ? width : width * EXPANSION;
      const widths = block === 'basic' ? [width, width] : [width, width, out];
      blocks.push({ stride, widths, projection: stride !== 1 || inC !== out });
      inC = out;
    }
    stages.push(blocks);
  });
  return checkSpec({
    model,
    block,
    inputShape: options.inputShape ?? [32, 32, 3],
    numClasses: options.numClasses ?? 10,
    stem: STAGE_WIDTHS[0],
    stages,
  });
}

/** The dense network of a model id; throws naming the argument for an unknown id. */
export function resnetSpec(model: string, options: InputOptions = {}): ResNetSpec {
  if (!isModelId(model)) {
    throw new RangeError(`unknown model '${model}' (known: ${MODEL_IDS.join(', ')})`);
  }
  const { depth, block } = ARCH[model];
  return cifarResNet(depth, block, options, model);
}
