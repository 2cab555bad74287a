/**
 * Opening an exported final model (its model.json and .bin, picked together) in the lab: the worker
 * evaluates it on the test split of the run that made it and the lab says whether its accuracy is the
 * recorded one, so a model file can be checked without the CLI.
 */
import { labActions, useLab } from '../store/labStore.ts';
import { isActive } from '../store/types.ts';
import { evaluateModelInWorker } from './runController.ts';
import { errorText } from './storageQuota.ts';
import { pct } from '../ui/format.ts';


export async function checkModelFiles(files: readonly File[]): Promise<void> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) return labActions().setModelCheck({ busy: false, text: 'Pick the model.json and its .bin together.', ok: false });
  if (isActive(useLab.getState().run.status)) return labActions().setModelCheck({ busy: false, text: 'A run is going: check the model when it has ended.', ok: false });
  labActions().setModelCheck({ busy: true, text: `evaluating ${json.name}…`, ok: null });
  try {
    const model: unknown = JSON.parse(await json.text());
    const named = (model as { weightsManifest?: Array<{ paths?: string[] }> }).weightsManifest?.[0]?.paths?.[0];
    const bin = files.find((f) => f.name === named) ?? files.find((f) => f.name.endsWith('.bin'));
    if (!bin) throw new Error(`its weights file ${named ?? '(.bin)'} was not picked with it`);
    const r = await evaluateModelInWorker(model, new Uint8Array(await bin.arrayBuffer()));
    const same = r.recorded !== null && r.accuracy === r.recorded;
    const verdict = r.recorded === null ? '' : same ? ', exactly as recorded' : `; recorded ${pct(r.recorded, 2)}${r.recordedBackend !== r.backend ? ` on ${r.recordedBackend}` : ''}`;
    labActions().setModelCheck({ busy: false, ok: r.recorded === null ? null : same, text: `${r.method}: test accuracy ${pct(r.accuracy, 2)} on ${r.testImages} images (${r.backend})${verdict}.` });
  } catch (e) {
    labActions().setModelCheck({ busy: false, ok: false, text: `${json.name}: ${errorText(e)}` });
  }
}
