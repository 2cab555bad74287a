/** The dataset layer's public API. */

export { channelStats, toFloatBatch, type ChannelStats } from './stats.ts';
export { contentHash, slug } from './hash.ts';
export { DATASET_FORMATS, detectFormat, readDataset } from './registry.ts';
export {
  findEmbedded,
  loadEmbeddedDataset,
  MANIFEST_PATH,
  parseManifest,
  readManifest,
  type EmbeddedDataset,
  type EmbeddedFile,
  type EmbeddedManifest,
  type FetchBytes,
} from './embedded.ts';
export { classCounts } from './formats/format.ts';
export {
  CIFAR100_CLASSES,
  CIFAR100_COARSE_CLASSES,
  CIFAR10_CLASSES,
  FASHION_MNIST_CLASSES,
  MNIST_CLASSES,
} from './formats/classNames.ts';
export {
  DatasetError,
  DEFAULT_MAX_BYTES,
  type Dataset,
  type DatasetFile,
  type DecodedImage,
  type ImageDecoder,
  type ImageSet,
  type ReadOptions,
} from './types.ts';
