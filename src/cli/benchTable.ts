/**
 * The benchmark's rows as a text table (`npm run bench` without --json): the Node columns (with PyTorch's,
 * from --torch), or the browser's (the adapter, the check against cpu, the batch preparation's share), then
 * the notes, kernel profiles, and the checks' and batch preparations' numbers.
 */
import type { BenchRow } from '../protocol/bench.ts';

const f = (x: number | undefined, d = 0) => (x === undefined ? '-' : x.toFixed(d));
const e = (x: number) => x.toExponential(1);

interface Column {
  head: string;
  cell: (r: BenchRow) => string;
  /** Left-aligned (text), else right-aligned (numbers). */
  text?: boolean;
}

const COMMON: Column[] = [
  { head: 'model', cell: (r) => r.model, text: true },
  { head: 'p', cell: (r) => String(r.ratio), text: true },
  { head: 'backend', cell: (r) => r.backend, text: true },
];

const NODE: Column[] = [
  ...COMMON,
  { head: 'threads', cell: (r) => (r.threads === undefined ? '-' : String(r.threads)) },
  { head: 'params', cell: (r) => String(r.params) },
  { head: 'train ms', cell: (r) => f(r.trainStepMs) },
  { head: 'infer ms', cell: (r) => f(r.inferMs) },
  { head: 'train cpu', cell: (r) => f(r.trainStepCpuMs) },
  { head: 'torch train', cell: (r) => f(r.torch?.trainStepMs) },
  { head: 'torch infer', cell: (r) => f(r.torch?.inferMs) },
  { head: 'torch train cpu', cell: (r) => f(r.torch?.trainStepCpuMs) },
  { head: 'wasm/torch train', cell: (r) => f(r.ratioToTorch?.train, 2) },
  { head: 'wasm/torch infer', cell: (r) => f(r.ratioToTorch?.infer, 2) },
  { head: 'wasm/torch train cpu', cell: (r) => f(r.ratioToTorch?.trainCpu, 2) },
];

/** With `--threads 1,2`: each row's speed against the first thread count's. */
const SPEEDUP: Column[] = [
  { head: 'vs threads', cell: (r) => (r.threadSpeedup ? String(r.threadSpeedup.against) : '-') },
  { head: 'train speedup', cell: (r) => f(r.threadSpeedup?.train, 2) },
  { head: 'infer speedup', cell: (r) => f(r.threadSpeedup?.infer, 2) },
];

const BROWSER: Column[] = [
  ...COMMON,
  { head: 'adapter', cell: (r) => (r.backend !== 'webgpu' ? '-' : r.software ? 'software' : 'gpu'), text: true },
  { head: 'threads', cell: (r) => (r.threads === undefined ? '-' : String(r.threads)) },
  { head: 'params', cell: (r) => String(r.params) },
  { head: 'train ms', cell: (r) => f(r.trainStepMs) },
  { head: 'infer ms', cell: (r) => f(r.inferMs) },
  { head: 'measured at', cell: (r) => (r.measured ? `${r.measured.batch}/${r.measured.images}` : '-') },
  { head: 'check', cell: (r) => (r.check ? (r.check.pass ? 'pass' : 'FAIL') : '-') },
  { head: 'batch prep', cell: (r) => (r.batchPrep ? `${(100 * r.batchPrep.share).toFixed(1)}%` : '-') },
];

function details(r: BenchRow): string[] {
  const name = `${r.model} p=${r.ratio} ${r.backend}${r.software ? ' (software adapter)' : ''}`;
  const out: string[] = [];
  if (r.check) {
    const c = r.check;
    out.push(`${name} check ${c.pass ? 'pass' : 'FAIL'} against cpu: ${c.steps} training steps (batch ${c.batch}, ${c.size}x${c.size} images) losses max |diff| ${e(c.lossMaxAbsDiff)} `
      + `(tolerance ${c.lossTolerance}, absolute); forward logits of ${c.logitImages} images max |diff| ${e(c.logitsMaxAbsDiff)}, relative ${e(c.logitsRelativeError)} (tolerance ${c.logitTolerance}, relative to max |cpu logit|)`);
  }
  if (r.batchPrep) {
    const b = r.batchPrep;
    const at = r.measured ? r.measured.batch : r.batch;
    out.push(`${name} batch preparation (pixels, augmentation, tensors; batch ${at}): ${f(b.prepMs, 1)} of ${f(b.stepMs, 1)} ms per step, ${(100 * b.share).toFixed(1)}% (${b.steps} steps as the trainer runs them)`);
  }
  return out;
}

export function benchTable(rows: BenchRow[], browser = false): string {
  const columns = browser ? BROWSER : rows.some((r) => r.threadSpeedup) ? [...NODE.filter((c) => !c.head.includes('torch')), ...SPEEDUP] : NODE;
  const head = columns.map((c) => c.head);
  const body = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (columns[i]!.text ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = [...new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))];
  const profiles = rows.filter((r) => r.profile).map((r) => `${r.model} p=${r.ratio} ${r.backend} kernel ms: ${r.profile!.map((p) => `${p.kernel} ${p.ms}/${p.calls}`).join(', ')}`);
  const b = rows[0];
  const units = browser
    ? `train: ms per step at batch ${b?.batch}; infer: ms per ${b?.images} images; medians; measured at: batch/images where measured smaller and scaled`
    : `train: ms per step at batch ${b?.batch}; infer: ms per ${b?.images} images; medians; cpu: CPU time of the process`
      + (b?.threadSpeedup ? `; speedup: time at ${b.threadSpeedup.against} thread(s) / this row's, medians of ${b.threadSpeedup.rounds} alternating rounds` : '');
  return [line(head), ...body.map(line), '', units, ...notes, ...profiles, ...rows.flatMap(details)].join('\n');
}
