/** Exports of the results on screen, and the link that carries them. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { downloadCsv, downloadFinalModel, downloadJson, downloadSelections } from '../../services/exportResults.ts';
import { shareWithResults } from '../../services/shareResults.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';

export function ResultsActions() {
  const { results, active, live } = useLab(useShallow((s) => ({ results: s.metrics.results, active: isActive(s.run.status), live: s.run.origin === 'live' && s.run.status === 'done' })));
  const [method, setMethod] = useState<string | null>(null);
  const [modelNote, setModelNote] = useState<string | null>(null);
  if (!results) return null;
  const chosen = method ?? results.methods.at(-1)?.method ?? '';
  return (
    <div className="results-actions" role="group" aria-label="export results">
      <button type="button" className="small" data-testid="export.json" onClick={() => downloadJson(results)}>
        Results JSON
      </button>
      <button type="button" className="small" data-testid="export.csv" onClick={() => downloadCsv(results)}>
        Table CSV
      </button>
      <button type="button" className="small" data-testid="export.selections" onClick={() => downloadSelections(results)}>
        Selected images CSV
      </button>
      <button type="button" className="small" data-testid="share.results" disabled={active} onClick={() => void shareWithResults()}>
        Share with results
      </button>
      {live && (
        <span className="model-export">
          <select aria-label="method of the final model" data-testid="export.modelMethod" value={chosen} onChange={(e) => setMethod(e.target.value)}>
            {results.methods.map((m) => (
              <option key={m.method} value={m.method}>{m.method}</option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            data-testid="export.model"
            onClick={() => void downloadFinalModel(chosen).then((ok) => setModelNote(ok ? null : 'The worker no longer holds this run’s models (they live until the next run).'))}
          >
            Final model (model.json + .bin)
          </button>
          {modelNote && <span className="muted">{modelNote}</span>}
        </span>
      )}
    </div>
  );
}
