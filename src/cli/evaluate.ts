/**
 * `lab evaluate --model M.model.json [--data PATH]`: loads a final model the lab or `lab run --save-models`
 * exported and measures its test accuracy on the test split its run used (rebuilt from the run's seed and
 * caps, recorded in the model's metadata). On the backend the run used, it equals the recorded accuracy
 * exactly: the weights come back bit for bit.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { validateConfig, type RunConfig } from '../core/config/runConfig.ts';
import { prepareExperimentData } from '../core/experiment/experimentData.ts';
import { readWeightsManifest, type ModelJson } from '../core/models/weightsManifest.ts';
import { rng } from '../core/rng.ts';
import { createNetwork, disposeNetwork } from '../core/train/network.ts';
import { assess } from '../core/train/predict.ts';
import { parseArgs, stringOption, UsageError } from './args.ts';
import { selectBackend } from './backend.ts';
import { loadDataset } from './loadData.ts';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

export async function evaluateCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['json'], ['model', 'data']);
  const path = stringOption(args, 'model');
  if (!path || args.positionals.length > 0) throw new UsageError('evaluate needs --model FILE.model.json');
  let json: ModelJson;
  let bin: Uint8Array;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as ModelJson;
    bin = new Uint8Array(await readFile(join(dirname(path), json.weightsManifest?.[0]?.paths?.[0] ?? '')));
  } catch (error) {
    throw new UsageError(`cannot read ${path} and its .bin: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { spec, weights } = readWeightsManifest(json, bin);
  const meta = json.userDefinedMetadata ?? {};
  const config = meta.config as RunConfig | undefined;
  if (!config || validateConfig(config).length > 0) throw new UsageError(`${path} does not record the run's settings, so its test split cannot be rebuilt`);
  const dataset = await loadDataset(stringOption(args, 'data') ?? config.dataset);
  const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
  const data = prepareExperimentData(dataset, { pool: config.pool, test: config.test }, rng(config.seed));
  const net = createNetwork(spec, weights);
  try {
    const { accuracy, confusion } = await assess(net, data.source, data.test);
    const recorded = typeof meta.accuracy === 'number' ? meta.accuracy : null;
    const verdict = recorded === null ? '' : accuracy === recorded ? ' (as recorded: identical)' : ` (recorded ${pct(recorded)}: differs${meta.backend !== backend.name ? `, recorded on ${String(meta.backend)}` : ''})`;
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify({ method: meta.method, accuracy, recorded, confusion, backend: backend.name })}\n`);
    else process.stdout.write(`${String(meta.method ?? spec.model)}: test accuracy ${pct(accuracy)} on ${data.test.length} images${verdict}, ${backend.name}\n`);
  } finally {
    disposeNetwork(net);
  }
}
