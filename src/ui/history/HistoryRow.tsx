/** One run in the history: open, rename, resume an unfinished one, pick for comparison, delete. */
import { useState } from 'react';
import { toggleCompare } from '../../services/compare.ts';
import { deleteEntry, openEntry, renameEntry, resumeEntry } from '../../services/history.ts';
import type { HistoryEntry } from '../../store/types.ts';
import { dateTime, pct } from '../format.ts';

function statusOf(e: HistoryEntry): { text: string; className: string } {
  if (e.status === 'running') return e.live ? { text: 'running', className: 'running' } : { text: 'interrupted', className: 'cancelled' };
  return { text: e.status, className: e.status };
}

export function HistoryRow({ entry: e, picked, busy, current }: { entry: HistoryEntry; picked: boolean; busy: boolean; current: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const status = statusOf(e);
  const resumable = !busy && !e.live && e.status !== 'done' && e.source === 'lab';
  const save = () => {
    if (editing !== null) void renameEntry(e.id, editing);
    setEditing(null);
  };
  return (
    <li className={`history-row${current ? ' current' : ''}`} data-testid={`history.row.${e.id}`} data-status={status.text}>
      <input type="checkbox" aria-label={`compare ${e.name}`} data-testid={`history.compare.${e.id}`} checked={picked} disabled={e.roundsDone === 0} onChange={() => void toggleCompare(e.id)} />
      <div className="history-main">
        {editing === null ? (
          <button type="button" className="link" data-testid={`history.open.${e.id}`} disabled={busy || e.roundsDone === 0} onClick={() => void openEntry(e.id)}>
            {e.name}
          </button>
        ) : (
          <input
            aria-label="run name"
            data-testid={`history.name.${e.id}`}
            value={editing}
            autoFocus
            onChange={(ev) => setEditing(ev.target.value)}
            onBlur={save}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter') save();
              if (ev.key === 'Escape') setEditing(null);
            }}
          />
        )}
        <div className="muted">
          <span className={`badge ${status.className}`}>{status.text}</span> {dateTime(e.createdAt)} · {e.dataset} · {e.model}
          {e.ratios.length > 0 ? ` · p=${e.ratios.join(',')}` : ''} · {e.roundsDone}/{e.roundsTotal || '?'} rounds{e.backend ? ` · ${e.backend}` : ''}
          {e.source !== 'lab' ? ` · ${e.source}` : ''}
        </div>
        {e.finals.length > 0 && <div className="finals">{e.finals.map((f) => `${f.method} ${pct(f.accuracy)}`).join(' · ')}</div>}
        {e.error && <div className="muted">{e.error}</div>}
      </div>
      <div className="history-actions">
        {resumable && (
          <button type="button" className="primary small" data-testid={`history.resume.${e.id}`} onClick={() => void resumeEntry(e.id)}>
            Resume
          </button>
        )}
        <button type="button" className="small" data-testid={`history.rename.${e.id}`} onClick={() => setEditing(e.name)}>
          Rename
        </button>
        <button type="button" className="small" data-testid={`history.delete.${e.id}`} disabled={e.live} onClick={() => void deleteEntry(e.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}
