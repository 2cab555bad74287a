/** The labelling sessions saved in this browser: open one where it stopped, or delete it. */
import { openSession, removeSession } from '../../services/labelling.ts';
import { useLabelling } from '../../store/labellingStore.ts';
import { count, dateTime } from '../format.ts';

export function SessionList() {
  const sessions = useLabelling((s) => s.sessions);
  if (sessions.length === 0) return <p className="muted">No labelling session in this browser yet.</p>;
  return (
    <ul className="label-sessions" data-testid="label-sessions">
      {sessions.map((s) => (
        <li key={s.id}>
          <button type="button" onClick={() => void openSession(s.id)}>
            Resume {s.name}
          </button>{' '}
          <span className="muted">
            {count(s.labelled)} of {count(s.images)} images labelled, {s.classes} classes, started {dateTime(s.createdAt)}
          </span>{' '}
          <button type="button" className="small" aria-label={`Delete ${s.name}`} onClick={() => { if (window.confirm(`Delete the session ${s.name}, its labels and models?`)) void removeSession(s.id); }}>
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
