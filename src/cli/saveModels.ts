/** Writing a run's final models as tfjs weights manifests: `<method>.model.json` + `<method>.weights.bin`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunConfig } from '../core/config/runConfig.ts';
import type { FinalModel } from '../core/experiment/runExperiment.ts';
import { modelFileStem, writeWeightsManifest } from '../core/models/weightsManifest.ts';

export async function saveModel(dir: string, model: FinalModel, config: RunConfig, backend: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stem = modelFileStem(model.method);
  const { modelJson, bin } = writeWeightsManifest(model.spec, model.weights, `${stem}.weights.bin`, { method: model.method, accuracy: model.accuracy, backend, config });
  await writeFile(join(dir, `${stem}.weights.bin`), bin);
  const path = join(dir, `${stem}.model.json`);
  await writeFile(path, `${JSON.stringify(modelJson)}\n`);
  return path;
}
