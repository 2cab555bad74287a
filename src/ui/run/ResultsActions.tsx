/** Exports of the results on screen, and the link that carries them. */
import { useShallow } from 'zustand/react/shallow';
import { downloadCsv, downloadJson, downloadSelections } from '../../services/exportResults.ts';
import { shareWithResults } from '../../services/shareResults.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';

export function ResultsActions() {
  const { results, active } = useLab(useShallow((s) => ({ results: s.metrics.results, active: isActive(s.run.status) })));
  if (!results) return null;
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
    </div>
  );
}
