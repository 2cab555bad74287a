/** The session's exports, and (on the start screen) importing a session file from another machine. */
import { downloadClassFolders, downloadLabelsCsv, downloadModel, downloadSessionFile, importSessionFile } from '../../services/labellingExports.ts';
import { useLabelling } from '../../store/labellingStore.ts';

export function LabellingExports() {
  const session = useLabelling((s) => s.session);
  if (!session) return null;
  const labelled = session.roles.some((r) => r === 'train' || r === 'holdout');
  return (
    <div className="label-exports" role="group" aria-labelledby="label-exports-title">
      <h3 id="label-exports-title">Export</h3>
      <div className="controls">
        <button type="button" onClick={() => void downloadLabelsCsv()} disabled={!labelled} data-testid="label-export-csv">Labels (CSV)</button>
        <button type="button" onClick={() => void downloadClassFolders()} disabled={!labelled}>Images by class (.zip)</button>
        <button type="button" onClick={() => void downloadModel()} disabled={!labelled}>{session.final ? 'Fused model' : 'Selector model'} (.zip)</button>
        <button type="button" onClick={() => void downloadSessionFile()} data-testid="label-export-session">Session file</button>
      </div>
      <p className="muted">The images in the .zip are as the model sees them ({session.settings.size} × {session.settings.size}). The session file carries the images, labels, order of queries, settings and models to another browser.</p>
    </div>
  );
}

export function SessionFileImport() {
  return (
    <label className="import">
      Import a session file:{' '}
      <input type="file" accept=".zip,application/zip" data-testid="label-session-import" onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void importSessionFile(file);
      }} />
    </label>
  );
}
