/**
 * What a labelling session gives back, as downloads: the labels (CSV file,label), the images in a folder
 * per class (.zip, at the model's input size), the final model (a .zip of model.json, its weights .bin and
 * the class names; the latest selector while there is no final model), and the session file, which another
 * browser imports to carry on (sessionFile.ts says what it holds). Importing one checks it whole first.
 */
import { classFolderZip, labelsCsv, modelFiles, safeName } from '../core/labelling/labelExports.ts';
import { readSessionFile, writeSessionFile } from '../core/labelling/sessionFile.ts';
import { closeBatch } from '../core/labelling/session.ts';
import { writeZip } from '../core/data/writeZip.ts';
import { createSession, loadModel, saveModel } from '../storage/labellingDb.ts';
import { labellingActions, useLabelling } from '../store/labellingStore.ts';
import { download } from './exportResults.ts';
import { refreshSessions } from './labelling.ts';
import { describeQuotaError, errorText } from './storageQuota.ts';

/** The open session, with the answers of the batch under way counted in (the saved session is not changed). */
const open = () => {
  const { session, images } = useLabelling.getState();
  if (!session || !images) throw new Error('no session is open');
  return { session: closeBatch(session), images, stem: safeName(session.name) || 'labelling' };
};

async function guarded(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    labellingActions.say(`Could not ${what}: ${errorText(error)}`, 'error');
  }
}

export const downloadLabelsCsv = () => guarded('export the labels', async () => {
  const { session, stem } = open();
  download(`${stem}-labels.csv`, new Blob([labelsCsv(session)], { type: 'text/csv' }));
});

export const downloadClassFolders = () => guarded('export the images', async () => {
  const { session, images, stem } = open();
  const zip = await classFolderZip(session, images);
  download(`${stem}-by-class.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
});

export const downloadModel = () => guarded('export the model', async () => {
  const { session, stem } = open();
  const final = await loadModel(session.id, 'final');
  const model = final ?? (await loadModel(session.id, 'selector'));
  if (!model) throw new Error('no model is trained yet: label a batch first');
  const kind = final ? 'fused' : 'selector';
  const files = modelFiles(`${stem}-${kind}`, model, {
    kind, classes: session.classes, inputSize: session.settings.size, channels: session.channels,
    estimate: kind === 'fused' ? session.final?.estimate ?? null : null, settings: session.settings,
    resize: 'shorter side to the input size, then the centre square',
  });
  const zip = await writeZip([
    { path: files.jsonName, bytes: files.json },
    { path: files.binName, bytes: files.bin },
    { path: 'classes.json', bytes: JSON.stringify(session.classes) },
  ]);
  download(`${stem}-${kind}-model.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
});

export const downloadSessionFile = () => guarded('export the session', async () => {
  const { session, images, stem } = open();
  const [selector, final] = await Promise.all([loadModel(session.id, 'selector'), loadModel(session.id, 'final')]);
  const bytes = await writeSessionFile(session, images, { ...(selector ? { selector } : {}), ...(final ? { final } : {}) });
  download(`${stem}.labelling-session.zip`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
});

/** Imports a session file as a new session in this browser (a new id if this browser has one with its id). */
export async function importSessionFile(file: File): Promise<void> {
  let read: Awaited<ReturnType<typeof readSessionFile>>;
  try {
    read = await readSessionFile(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    labellingActions.say(`Not a usable session file: ${errorText(error)}`, 'error');
    return;
  }
  try {
    const taken = useLabelling.getState().sessions.some((s) => s.id === read.session.id);
    const id = taken ? `${read.session.id}-${Date.now().toString(36)}` : read.session.id;
    await createSession({ ...read.session, id }, { ...read.images, id });
    if (read.models.selector) await saveModel(id, 'selector', read.models.selector);
    if (read.models.final) await saveModel(id, 'final', read.models.final);
    labellingActions.say(`Imported the session ${read.session.name}${taken ? ' (as a copy: this browser has it already)' : ''}.`);
    await refreshSessions();
  } catch (error) {
    labellingActions.say(`Could not import ${file.name}: ${await describeQuotaError(error)}`, 'error');
  }
}
