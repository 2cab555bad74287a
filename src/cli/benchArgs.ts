/**
 * The benchmark's options (`npm run bench`), in Node and with --browser: what both modes share (networks,
 * sizes, runs) and the few that belong to one of them.
 */
import { BACKEND_IDS, type BackendId } from '../core/config/backend.ts';
import type { BenchRequest } from '../protocol/bench.ts';
import { parseArgs, stringOption, UsageError, type ParsedArgs } from './args.ts';

export const BENCH_FLAGS = ['json', 'torch', 'profile', 'batch-prep', 'check', 'browser', 'software-full'] as const;
export const BENCH_VALUED = ['models', 'ratios', 'backends', 'runs', 'warmup', 'batch', 'images', 'threads', 'torch-threads', 'cpu-batch', 'cpu-images', 'port', 'timeout-min'] as const;
/** With --browser, batch preparation and the check against cpu are always on. */
const NODE_ONLY = ['torch', 'torch-threads', 'threads'] as const;
const BROWSER_ONLY = ['software-full', 'port', 'timeout-min'] as const;

export interface BenchOptions {
  browser: boolean;
  json: boolean;
  models: string[];
  ratios: number[];
  backends: string[];
  runs: number;
  warmup: number;
  batch: number;
  images: number;
  cpuBatch: number;
  cpuImages: number;
  profile: boolean;
}

export const list = (s: string | undefined, dflt: string): string[] => (s ?? dflt).split(',').map((x) => x.trim()).filter((x) => x);

export function intOption(v: string | undefined, dflt: number, name: string): number {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got '${v}'`);
  return n;
}

function ratiosOf(s: string | undefined): number[] {
  return list(s, '0,0.5').map((x) => {
    const r = Number(x);
    if (!(r >= 0 && r < 1)) throw new UsageError(`--ratios: '${x}' is not a pruning ratio in [0, 1)`);
    return r;
  });
}

export function parseBenchArgs(argv: string[]): { settings: BenchOptions; args: ParsedArgs } {
  const args = parseArgs(argv, BENCH_FLAGS, BENCH_VALUED);
  const browser = args.options.has('browser');
  for (const key of browser ? NODE_ONLY : BROWSER_ONLY) {
    if (args.options.has(key)) throw new UsageError(`--${key} is for the ${browser ? 'Node' : 'browser (--browser)'} benchmark only`);
  }
  const int = (key: string, dflt: number) => intOption(stringOption(args, key), dflt, key);
  const settings: BenchOptions = {
    browser,
    json: args.options.has('json'),
    // Resnet56 in a browser is slow on a software WebGPU adapter; ask for it by name.
    models: list(stringOption(args, 'models'), browser ? 'resnet20' : 'resnet20,resnet56'),
    ratios: ratiosOf(stringOption(args, 'ratios')),
    backends: list(stringOption(args, 'backends'), browser ? 'webgpu,wasm' : 'wasm,cpu'),
    runs: int('runs', 5),
    warmup: int('warmup', 2),
    batch: int('batch', 64),
    images: int('images', 256),
    cpuBatch: int('cpu-batch', 1),
    cpuImages: int('cpu-images', 16),
    profile: args.options.has('profile'),
  };
  return { settings, args };
}

/** What a software WebGPU adapter is timed at (a ResNet-20 step at batch 64 takes 84-94 s there). */
export const SOFTWARE_WEBGPU = { batch: 8, images: 8, runs: 1, warmup: 1 } as const;

function backendsOf(names: string[]): BackendId[] {
  return names.map((b) => {
    if (!(BACKEND_IDS as readonly string[]).includes(b)) throw new UsageError(`--backends: '${b}' is not one of ${BACKEND_IDS.join(', ')}`);
    return b as BackendId;
  });
}

export function browserRequest(s: BenchOptions, args: ParsedArgs): BenchRequest {
  return {
    backends: backendsOf(s.backends), models: s.models, ratios: s.ratios,
    runs: s.runs, warmup: s.warmup, batch: s.batch, images: s.images,
    cpu: { batch: s.cpuBatch, images: s.cpuImages },
    software: args.options.has('software-full') ? null : { ...SOFTWARE_WEBGPU },
    profile: s.profile, batchPrep: true, check: true,
  };
}
