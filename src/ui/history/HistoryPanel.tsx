/** The run history: every run of this browser, saved as it goes; results files can be dropped in. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { importResultsFile, undoDelete } from '../../services/history.ts';
import { checkModelFiles } from '../../services/modelCheck.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { bytes } from '../format.ts';
import { Notice } from '../Notice.tsx';
import { HistoryRow } from './HistoryRow.tsx';

export function HistoryPanel() {
  const { history, busy, currentId, modelCheck } = useLab(useShallow((s) => ({ history: s.history, busy: isActive(s.run.status), currentId: s.run.historyId, modelCheck: s.modelCheck })));
  const [dragging, setDragging] = useState(false);
  const { storage } = history;
  return (
    <section
      className={`card wide history${dragging ? ' dragging' : ''}`}
      aria-labelledby="history-title"
      data-testid="history"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void importResultsFile(file);
      }}
    >
      <h2 id="history-title">Run history</h2>
      <p className="hint">
        Every run is saved in this browser as it goes. Tick two or more to compare them. Open a results file (from the CLI or an export) with the
        button or by dropping it here.
        {storage && (
          <span data-testid="history.storage">
            {' '}Storage: {bytes(storage.usage)} of {bytes(storage.quota)} used{storage.persisted ? ', persistent' : ', may be cleared by the browser when space runs short'}.
          </span>
        )}
      </p>
      <label className="import">
        Open results (.json):{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="history.import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importResultsFile(file);
            e.target.value = '';
          }}
        />
      </label>
      <label className="import">
        Check an exported model (its .model.json and .bin together):{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin"
          data-testid="model.open"
          disabled={busy || modelCheck?.busy === true}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) void checkModelFiles(files);
            e.target.value = '';
          }}
        />
      </label>
      {modelCheck && (
        <div className={`notice ${modelCheck.ok === false ? 'error' : modelCheck.ok ? 'ok' : 'warn'}`} role="status" data-testid="model.check" data-ok={String(modelCheck.ok)}>
          {modelCheck.text}
        </div>
      )}
      <Notice testId="history.error" className="notice error" alert>
        {history.error}
      </Notice>
      {history.undo && (
        <div className="notice warn" role="status" data-testid="history.undo">
          Deleted “{history.undo.name}”.{' '}
          <button type="button" className="small" data-testid="history.undoButton" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
      {history.loaded && history.entries.length === 0 && <p className="muted">No runs yet.</p>}
      <ul className="history-list">
        {history.entries.map((e) => (
          <HistoryRow key={e.id} entry={e} picked={history.compare.includes(e.id)} busy={busy} current={e.id === currentId} />
        ))}
      </ul>
    </section>
  );
}
