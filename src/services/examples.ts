/**
 * The example gallery: recorded runs shipped in public/examples (index.json and one results file per run).
 * Opening one shows its charts at once, without a worker, marked as a recorded example; an example of
 * several runs (one per selection metric, say) also fills the comparison. `?example=<id>` opens one at start.
 */
import { checkExampleIndex, findExample, type Example, type ExampleIndex } from '../core/experiment/exampleIndex.ts';
import { parseResults } from '../core/experiment/resultsFile.ts';
import type { RunResults } from '../core/experiment/events.ts';
import { differingValues } from '../core/config/settingValues.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { isActive } from '../store/types.ts';

const BASE = `${import.meta.env.BASE_URL}examples/`;
let loading: Promise<ExampleIndex> | null = null;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${BASE}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/** The gallery's index (fetched once); on failure the store says why and the promise rejects. */
export function loadExampleIndex(): Promise<ExampleIndex> {
  loading ??= fetchText('index.json')
    .then((text) => checkExampleIndex(JSON.parse(text)))
    .then((index) => {
      labActions().setExamples({ index, error: null });
      return index;
    })
    .catch((e: unknown) => {
      loading = null;
      const why = `The example gallery could not be loaded: ${e instanceof Error ? e.message : String(e)}.`;
      labActions().setExamples({ error: why });
      throw new Error(why);
    });
  return loading;
}

/** A short name for each run of a comparison: the settings in which it differs from the others. */
function runNames(runs: RunResults[]): string[] {
  const differing = differingValues(runs.map((r) => r.config));
  return runs.map((_, i) => (differing.length === 0 ? `run ${i + 1}` : differing.map(({ key, values }) => `${key}=${values[i]}`).join(' ')));
}

/** Opens an example by id; says in the gallery's message why not when it cannot. */
export async function openExample(id: string): Promise<void> {
  if (isActive(useLab.getState().run.status)) {
    labActions().setExamples({ error: 'A run is going on: cancel it, or wait until it ends, to open an example.' });
    return;
  }
  let example: Example | undefined;
  let runs: RunResults[];
  try {
    const index = await loadExampleIndex();
    example = findExample(index, id);
    if (!example) throw new Error(`there is no example “${id}”; the gallery has ${index.examples.map((e) => e.id).join(', ')}`);
    runs = await Promise.all(example.runs.map(async (r) => parseResults(await fetchText(r.file))));
  } catch (e) {
    labActions().setExamples({ error: `The example could not be opened: ${e instanceof Error ? e.message : String(e)}.`, open: null });
    labActions().setUrlExample(null);
    return;
  }
  const actions = labActions();
  actions.setExamples({ open: null, error: null });
  actions.replaceConfig(runs[0]!.config);
  actions.showResults(runs[0]!, 'example', null, example.title);
  const names = runNames(runs);
  actions.setComparison(runs.length > 1 ? runs.map((results, i) => ({ id: `example:${id}:${i}`, name: names[i]!, results })) : []);
  actions.setUrlExample(id);
  actions.setExamples({ open: example });
}

/** Opens the example the address names, if any. */
export async function openLinkedExample(): Promise<void> {
  const id = useLab.getState().url.example;
  if (id !== null) await openExample(id);
}
