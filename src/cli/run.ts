/**
 * `lab run`: the experiment of a lab URL, headless, on the fastest trainable backend.
 *   npm run --silent lab -- run '<query or full lab URL>' --out results.json [--data PATH]
 *   npm run --silent lab -- run --resume partial.json --out results.json [--data PATH]
 * Progress goes to stderr, results to the file. Ctrl-C or a failure writes what finished so far,
 * marked incomplete (`complete: false`, `stopped`), and exits non-zero with one line; `--resume` takes
 * such a file (or the lab's export) and continues after its last finished rounds. After every finished round
 * the file holds the results so far, so even a killed run (SIGKILL) can be resumed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { RunEvent, RunResults } from '../core/experiment/events.ts';
import { aggregateRepeats } from '../core/experiment/repeats.ts';
import { parseResults } from '../core/experiment/resultsFile.ts';
import { runExperiment, type FinalModel } from '../core/experiment/runExperiment.ts';
import { repeatConfigs } from '../core/config/runConfig.ts';
import { decodeConfig } from '../url/codec.ts';
import { parseArgs, stringOption, UsageError } from './args.ts';
import { selectBackend } from './backend.ts';
import { loadDataset } from './loadData.ts';
import { saveModel } from './saveModels.ts';

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : `${(100 * x).toFixed(1)}%`);

function progressLine(e: RunEvent): string | null {
  switch (e.type) {
    case 'run-started':
      return `pool ${e.poolSize}, test ${e.testSize}; labelled fractions ${e.fractions.join(', ')}; methods ${e.methods.map((m) => m.method).join(', ')}`;
    case 'round-started':
      return `[${e.track}] round ${e.round + 1}: ${e.labeled} labelled (${pct(e.fraction)})`;
    case 'epoch':
      return `  ${e.role}${e.method ? ` ${e.method}` : ''} epoch ${e.metrics.epoch}/${e.epochs}: loss ${e.metrics.loss.toFixed(3)}, train ${pct(e.metrics.trainAccuracy)}${e.metrics.testAccuracy !== undefined ? `, test ${pct(e.metrics.testAccuracy)}` : ''}`;
    case 'selection-done':
      return `  selected ${e.selected} (train ${e.seconds.train.toFixed(1)} s, inference ${e.seconds.inference.toFixed(1)} s, ranking ${e.seconds.ranking.toFixed(2)} s)`;
    case 'round-finished':
      return `  ${e.method}: selector ${pct(e.result.selectorAccuracy)}, target ${pct(e.result.targetAccuracy)}`;
    default:
      return null;
  }
}

function summary(r: RunResults): string {
  const rows = r.methods.map((m) => `  ${m.method.padEnd(22)} ${m.rounds.map((x) => `${pct(x.fraction)}: ${pct(x.targetAccuracy)}`).join('  ')}`);
  return [`${r.complete ? 'finished' : 'stopped'} in ${r.seconds.toFixed(1)} s on ${r.backend}`, ...rows].join('\n');
}

export async function runCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['quiet'], ['out', 'data', 'resume', 'save-models']);
  const modelDir = stringOption(args, 'save-models');
  const resumePath = stringOption(args, 'resume');
  if (args.positionals.length > 1 || (args.positionals.length === 0 && !resumePath)) {
    throw new UsageError("run needs one argument: a lab URL or its query, e.g. 'model=resnet8&pool=200&epochs=1' (or --resume FILE)");
  }
  const out = stringOption(args, 'out') ?? 'results.json';
  const previous = resumePath ? await readPrevious(resumePath) : undefined;
  const config = args.positionals[0] !== undefined ? decodeStrict(args.positionals[0]) : { ...previous!.config };
  const log = (line: string) => void (args.options.has('quiet') || process.stderr.write(`${line}\n`));
  if (previous) log(`resuming ${resumePath}: ${previous.methods.map((m) => `${m.method} ${m.rounds.length}/${previous.fractions.length}`).join(', ')} rounds done`);
  const dataSpec = stringOption(args, 'data') ?? config.dataset;
  const dataset = await loadDataset(dataSpec);
  if (dataset.id !== config.dataset) log(`dataset: ${dataset.name} (${dataset.id}) from ${dataSpec}`);
  config.dataset = dataset.id;
  const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
  log(`backend: ${backend.name} (${backend.reason})`);

  let cancelled = false;
  const onSigint = () => {
    if (cancelled) process.exit(130);
    cancelled = true;
    log('cancelling after the current step (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  const repeats = repeatConfigs(config);
  if (repeats.length > 1 && previous) throw new UsageError('--resume continues one run: resume each seed\'s results file on its own');
  try {
    const all: RunResults[] = [];
    for (const one of repeats) {
      const file = repeats.length > 1 ? out.replace(/(\.json)?$/, `.seed${one.seed}.json`) : out;
      if (repeats.length > 1) log(`seed ${one.seed} (${all.length + 1} of ${repeats.length})`);
      const saving: Array<Promise<string>> = [];
      const dir = modelDir && repeats.length > 1 ? `${modelDir}/seed${one.seed}` : modelDir;
      const results = await runExperiment(one, dataset, {
        backend: backend.name,
        cancelled: () => cancelled,
        yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
        emit: (e) => {
          if (e.type === 'checkpoint') writeAtomically(file, resultsText(e.results));
          const line = progressLine(e);
          if (line) log(line);
        },
        ...(dir ? { finalModel: (m: FinalModel) => void saving.push(saveModel(dir, m, one, backend.name)) } : {}),
      }, previous);
      for (const path of await Promise.all(saving)) log(`model: ${path}`);
      writeAtomically(file, resultsText(results));
      log(summary(results));
      log(`results: ${file}`);
      if (!results.complete) {
        process.exitCode = cancelled ? 130 : 1;
        process.stderr.write(`lab: run ${results.stopped === 'cancelled' ? 'cancelled' : `failed: ${results.stopped}`}; partial results in ${file}\n`);
        return;
      }
      all.push(results);
    }
    if (all.length > 1) log(repeatsSummary(all));
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Final accuracy per method over the seeds: mean ± sample standard deviation, and min-max. */
function repeatsSummary(runs: RunResults[]): string {
  const { methods } = aggregateRepeats(runs);
  const rows = methods.map((m) => {
    const s = m.rounds.at(-1)!;
    return `  ${m.method.padEnd(22)} ${pct(s.mean)} ± ${pct(s.sd)} (min ${pct(s.min)}, max ${pct(s.max)})`;
  });
  return [`final accuracy over ${runs.length} seeds (${runs.map((r) => r.config.seed).join(', ')}):`, ...rows].join('\n');
}

const resultsText = (results: RunResults) => `${JSON.stringify(results, null, 1)}\n`;

/**
 * Writes results through a temporary file and a rename, so a run killed mid-write (a closed terminal, an
 * ended session) leaves the last finished round's results, which `--resume` continues. Synchronous: the
 * file is on disk before the next round starts (tens of kB, a few milliseconds).
 */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.partial`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function decodeStrict(link: string) {
  const decoded = decodeConfig(link);
  if (decoded.ignored.length > 0) {
    throw new UsageError(`invalid settings: ${decoded.ignored.map((i) => `${i.key}=${i.value} (${i.why})`).join('; ')}`);
  }
  return decoded.config;
}

async function readPrevious(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseResults(text);
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
