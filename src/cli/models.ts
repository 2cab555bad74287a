/**
 * `lab models`: the sizes of the ResNets and their pruned variants.
 *   npm run --silent lab -- models [--model resnet56] [--ratios 0,0.5,0.7] [--scope uniform|global]
 *                                  [--input 32x32x3] [--classes 10] [--seed 0] [--json]
 */
import { MODEL_IDS, resnetSpec } from '../core/models/resnet.ts';
import { checkRatio } from '../core/prune/prune.ts';
import { pruningSummary, type PruningSummary } from '../core/prune/summary.ts';
import { parseArgs, stringOption, UsageError } from './args.ts';

function parseRatios(text: string): number[] {
  return text.split(',').map((s) => {
    const r = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(r) || r < 0 || r >= 1) throw new UsageError(`ratio '${s}' is outside [0, 1)`);
    return checkRatio(r);
  });
}

function parseInput(text: string): [number, number, number] {
  const m = /^(\d+)x(\d+)x(\d+)$/.exec(text);
  if (!m) throw new UsageError(`--input must look like 32x32x3, got '${text}'`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function table(rows: PruningSummary[]): string {
  const head = ['model', 'p', 'params', 'params %', 'MACs', 'MACs %', 'stage widths'];
  const body = rows.map((r) => [r.model, String(r.ratio), fmt(r.params), pct(r.paramRatio), fmt(r.macs), pct(r.macRatio), r.stageWidths.join('/')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 6 ? c : i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function modelsCommand(argv: string[]): void {
  const args = parseArgs(argv, ['json'], ['model', 'ratios', 'scope', 'input', 'classes', 'seed']);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  const model = stringOption(args, 'model');
  const models = model === undefined ? [...MODEL_IDS] : [model];
  for (const m of models) if (!(MODEL_IDS as readonly string[]).includes(m)) throw new UsageError(`unknown model '${m}' (known: ${MODEL_IDS.join(', ')})`);
  const ratios = parseRatios(stringOption(args, 'ratios') ?? '0,0.5');
  const scope = stringOption(args, 'scope') ?? 'uniform';
  if (scope !== 'uniform' && scope !== 'global') throw new UsageError(`--scope must be uniform or global, got '${scope}'`);
  const inputShape = parseInput(stringOption(args, 'input') ?? '32x32x3');
  const numClasses = Number(stringOption(args, 'classes') ?? '10');
  if (!Number.isInteger(numClasses) || numClasses < 2) throw new UsageError(`--classes must be an integer >= 2`);
  const seed = Number(stringOption(args, 'seed') ?? '0');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be an integer in [0, 4294967295]`);
  const rows = models.flatMap((m) => ratios.map((r) => pruningSummary(resnetSpec(m, { inputShape, numClasses }), r, scope, seed)));
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
}
