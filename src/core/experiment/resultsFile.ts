/**
 * Reading a results file (the CLI's results.json, the lab's export): the text parsed and checked field by
 * field, so a malformed, truncated or newer file is refused with a message naming the problem.
 */
import { validateConfig, type RunConfig } from '../config/runConfig.ts';
import { RESULTS_FORMAT, type RunResults } from './events.ts';

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

function need(ok: boolean, what: string): void {
  if (!ok) throw new ResultsFileError(`not a PruneFuse Lab results file: ${what}`);
}

/** Checks parsed JSON; returns it as RunResults or throws a ResultsFileError that says what is wrong. */
export function checkResults(value: unknown): RunResults {
  need(isObject(value), 'the top level is not an object');
  const r = value as Json;
  need(typeof r.format === 'number' || r.format === undefined, '`format` is not a number');
  const format = (r.format as number | undefined) ?? 1;
  if (format > RESULTS_FORMAT) throw new ResultsFileError(`results format ${format} is newer than this lab reads (${RESULTS_FORMAT}); update the lab`);
  if (format < RESULTS_FORMAT) throw new ResultsFileError(`results format ${format} is older than this lab reads (${RESULTS_FORMAT}): it has no selections to show or resume from; rerun its settings`);
  need(isObject(r.config), '`config` is missing');
  const problems = validateConfig(r.config as unknown as RunConfig);
  need(problems.length === 0, `its config is invalid (${problems.map((p) => `${p.key} ${p.why}`).join('; ')})`);
  need(isObject(r.dataset) && typeof (r.dataset as Json).id === 'string' && typeof (r.dataset as Json).classes === 'number', '`dataset` is missing or incomplete');
  need(typeof r.backend === 'string' && typeof r.complete === 'boolean', '`backend` or `complete` is missing');
  need(isNumbers(r.fractions) && isNumbers(r.initial), '`fractions` or `initial` is not a list of numbers');
  need(typeof r.seconds === 'number' && typeof r.startedAt === 'string', '`seconds` or `startedAt` is missing');
  need(Array.isArray(r.methods) && r.methods.length > 0, '`methods` is missing or empty');
  for (const m of r.methods as unknown[]) {
    need(isObject(m) && typeof m.method === 'string' && typeof m.track === 'string' && Array.isArray(m.rounds) && Array.isArray(m.curves), 'a method lacks its name, track, rounds or curves');
    for (const round of (m as Json).rounds as unknown[]) {
      need(isObject(round) && typeof round.round === 'number' && typeof round.selectorAccuracy === 'number', `a round of ${String((m as Json).method)} is incomplete`);
    }
  }
  need(Array.isArray(r.tracks), '`tracks` is missing');
  for (const t of r.tracks as unknown[]) {
    need(isObject(t) && typeof t.id === 'string' && Array.isArray(t.selections), 'a track lacks its id or selections');
    for (const s of (t as Json).selections as unknown[]) need(isObject(s) && typeof s.round === 'number' && isNumbers(s.images), `a selection of track ${String((t as Json).id)} is incomplete`);
    checkPruning(t as Json);
    checkFusion(t as Json);
  }
  return value as RunResults;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** A track's pruning record, when present: per group its member layers, every channel's score, the kept channels. */
function checkPruning(t: Json): void {
  if (t.pruning === undefined) return;
  const at = `the pruning of track ${String(t.id)}`;
  need(Array.isArray(t.pruning), `${at} is not a list`);
  for (const g of t.pruning as unknown[]) {
    need(isObject(g) && Array.isArray(g.members) && g.members.length > 0 && g.members.every((m) => typeof m === 'string'), `${at} has a group without member layers`);
    const { scores, kept } = g as Json;
    need(isNumbers(scores) && isNumbers(kept) && kept.every((k) => Number.isInteger(k) && k >= 0 && k < scores.length), `${at} has a group whose scores or kept channels are not valid`);
  }
}

/** A track's fusion snapshot, when present (files written before it existed lack it). */
function checkFusion(t: Json): void {
  if (t.fusion === undefined) return;
  const at = `the fusion snapshot of track ${String(t.id)}`;
  need(isObject(t.fusion) && typeof t.fusion.round === 'number' && Array.isArray(t.fusion.layers), `${at} lacks its round or layers`);
  for (const l of (t.fusion as Json).layers as unknown[]) {
    need(isObject(l) && typeof l.layer === 'string' && isCount(l.rows) && isCount(l.cols), `${at} has a layer without its name or size`);
    const { layer, rows, cols, norms } = l as { layer: string; rows: number; cols: number; norms: unknown };
    need(isNumbers(norms) && norms.length === rows * cols && norms.every((x) => Number.isFinite(x) && x >= 0), `${at}: layer ${layer} needs ${rows * cols} non-negative norms`);
  }
}

/** Parses a results file's text; throws a ResultsFileError naming the problem (truncated, not JSON, ...). */
export function parseResults(text: string): RunResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ResultsFileError(`not valid JSON (${why})${text.trim().length > 0 && !text.trim().endsWith('}') ? '; the file looks truncated' : ''}`);
  }
  return checkResults(value);
}
