/** What the labelling worker is doing (importing, training the selector, finishing), with its progress. */
import { useLabelling } from '../../store/labellingStore.ts';

export function WorkerActivityLine() {
  const activity = useLabelling((s) => s.activity);
  const backend = useLabelling((s) => s.backend);
  const message = useLabelling((s) => s.message);
  return (
    <>
      <div className="label-activity" aria-live="polite" data-testid="label-activity">
        {activity && (
          <div className="progress-row">
            <span>{activity.stage}</span>
            <progress max={Math.max(1, activity.total)} value={activity.done} aria-label={activity.stage} />
            <span className="muted">{activity.done} / {activity.total}</span>
          </div>
        )}
        {activity && activity.what !== 'import' && backend && <p className="muted">on {backend}</p>}
      </div>
      {message && (
        <div className={`notice ${message.tone === 'error' ? 'error' : ''}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="label-message">
          {message.text}
        </div>
      )}
    </>
  );
}
