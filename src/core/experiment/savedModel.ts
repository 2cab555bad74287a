/**
 * Evaluating an exported final model (model.json + .bin) on the test split of the run that made it: the
 * run's settings travel in the model's metadata, so the split is rebuilt from its seed and caps. On the
 * backend the run used, the accuracy equals the recorded one exactly (the weights come back bit for bit).
 */
import { validateConfig, type RunConfig } from '../config/runConfig.ts';
import type { Dataset } from '../data/types.ts';
import { readWeightsManifest, type ModelJson } from '../models/weightsManifest.ts';
import { rng } from '../rng.ts';
import { createNetwork, disposeNetwork } from '../train/network.ts';
import { assess } from '../train/predict.ts';
import { prepareExperimentData } from './experimentData.ts';

export interface SavedModelReport {
  method: string;
  accuracy: number;
  confusion: number[];
  /** The accuracy the run recorded, and the backend it ran on. */
  recorded: number | null;
  recordedBackend: string | null;
  testImages: number;
}

/** The run settings a model.json records, or a RangeError saying they are missing. */
export function savedModelConfig(json: unknown): RunConfig {
  const config = (json as Partial<ModelJson>)?.userDefinedMetadata?.config as RunConfig | undefined;
  if (!config || validateConfig(config).length > 0) throw new RangeError("this model.json does not record its run's settings, so its test split cannot be rebuilt");
  return config;
}

export async function evaluateSavedModel(json: unknown, bin: Uint8Array, dataset: Dataset): Promise<SavedModelReport> {
  const { spec, weights } = readWeightsManifest(json, bin);
  const config = savedModelConfig(json);
  const meta = (json as ModelJson).userDefinedMetadata ?? {};
  const data = prepareExperimentData(dataset, { pool: config.pool, test: config.test }, rng(config.seed));
  const net = createNetwork(spec, weights);
  try {
    const { accuracy, confusion } = await assess(net, data.source, data.test);
    return {
      method: typeof meta.method === 'string' ? meta.method : spec.model, accuracy, confusion,
      recorded: typeof meta.accuracy === 'number' ? meta.accuracy : null,
      recordedBackend: typeof meta.backend === 'string' ? meta.backend : null, testImages: data.test.length,
    };
  } finally {
    disposeNetwork(net);
  }
}
