/**
 * `lab evaluate --model M.model.json [--data PATH]`: loads a final model the lab or `lab run --save-models`
 * exported and measures its test accuracy on the test split its run used (core/experiment/savedModel.ts).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { evaluateSavedModel, savedModelConfig } from '../core/experiment/savedModel.ts';
import type { ModelJson } from '../core/models/weightsManifest.ts';
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
  const config = savedModelConfig(json);
  const dataset = await loadDataset(stringOption(args, 'data') ?? config.dataset);
  const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
  const r = await evaluateSavedModel(json, bin, dataset);
  if (args.options.has('json')) {
    process.stdout.write(`${JSON.stringify({ method: r.method, accuracy: r.accuracy, recorded: r.recorded, confusion: r.confusion, backend: backend.name })}\n`);
    return;
  }
  const verdict = r.recorded === null ? '' : r.accuracy === r.recorded ? ' (as recorded: identical)' : ` (recorded ${pct(r.recorded)}: differs${r.recordedBackend !== backend.name ? `, recorded on ${r.recordedBackend}` : ''})`;
  process.stdout.write(`${r.method}: test accuracy ${pct(r.accuracy)} on ${r.testImages} images${verdict}, ${backend.name}\n`);
}
