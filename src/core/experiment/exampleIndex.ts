/**
 * The example gallery's index (public/examples/index.json): recorded runs that open at once, each with the
 * settings link that made it, where it ran and how long it took. Written by scripts/record-examples.ts.
 */
export interface ExampleRun {
  /** Results file, relative to the index. */
  file: string;
  /** The settings (a lab URL query) that made it; Reproduce reruns them. */
  link: string;
  backend: string;
  /** Wall time of the recording, in seconds. */
  seconds: number;
  /** wasm threads the recording used. */
  threads: number;
}

export interface Example {
  id: string;
  title: string;
  /** One line: what the example shows. */
  lesson: string;
  /** Where it was recorded, in words. */
  machine: string;
  /** One run, or several to compare (e.g. one per selection metric). */
  runs: ExampleRun[];
}

export interface ExampleIndex {
  version: 1;
  examples: Example[];
}

export class ExampleIndexError extends Error {
  override name = 'ExampleIndexError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Checks parsed JSON; returns the index or throws an ExampleIndexError naming the problem. */
export function checkExampleIndex(value: unknown): ExampleIndex {
  const fail = (what: string) => {
    throw new ExampleIndexError(`the example index is malformed: ${what}`);
  };
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.examples)) fail('no version 1 list of examples');
  const ids = new Set<string>();
  for (const e of (value as { examples: unknown[] }).examples) {
    if (!isObject(e) || !isText(e.id) || !/^[a-z0-9-]+$/.test(e.id) || !isText(e.title) || !isText(e.lesson) || !isText(e.machine)) fail('an example lacks its id, title, lesson or machine');
    const example = e as unknown as Example;
    if (ids.has(example.id)) fail(`the id ${example.id} appears twice`);
    ids.add(example.id);
    if (!Array.isArray(example.runs) || example.runs.length === 0) fail(`${example.id} has no runs`);
    for (const r of example.runs as unknown[]) {
      if (!isObject(r) || !isText(r.file) || !/^[a-z0-9.-]+\.json$/.test(r.file) || !isText(r.link) || !isText(r.backend) || typeof r.seconds !== 'number' || typeof r.threads !== 'number') {
        fail(`a run of ${example.id} lacks its file, link, backend, seconds or threads`);
      }
    }
  }
  return value as unknown as ExampleIndex;
}

/** The example with this id, or undefined. */
export function findExample(index: ExampleIndex, id: string): Example | undefined {
  return index.examples.find((e) => e.id === id);
}
