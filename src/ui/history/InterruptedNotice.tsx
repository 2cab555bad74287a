/** After a reload, a crash or a killed worker: the unfinished run, offered for resume in one click. */
import { useShallow } from 'zustand/react/shallow';
import { resumeEntry } from '../../services/history.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';

export function InterruptedNotice() {
  const { entry, busy } = useLab(useShallow((s) => ({ entry: s.history.entries.find((e) => e.status === 'running' && !e.live && e.source === 'lab'), busy: isActive(s.run.status) })));
  if (!entry || busy) return null;
  return (
    <div className="notice warn" role="status" data-testid="history.interrupted">
      “{entry.name}” was interrupted after {entry.roundsDone} of {entry.roundsTotal || '?'} method rounds.{' '}
      <button type="button" className="primary small" data-testid="history.interrupted.resume" onClick={() => void resumeEntry(entry.id)}>
        Resume it
      </button>
    </div>
  );
}
