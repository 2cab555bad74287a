/** Says where a method view's numbers come from: the run on screen, or the current settings before a run. */
import type { MethodSource } from './methodSource.ts';

export function SourceNote({ source, fresh, error }: { source: MethodSource; fresh: boolean; error: string | null }) {
  if (source.origin === 'recorded') {
    return (
      <p className="muted" data-testid="method.source">
        From the run on screen: {source.net.model}, seed {source.net.seed}, {source.scope} pruning, as recorded.
      </p>
    );
  }
  const r = source.request;
  return (
    <p className="muted" data-testid="method.source">
      {source.note ? `${source.note} ` : ''}From the current settings, before a run: {r.model}, seed {r.seed}, {r.scope} pruning, {r.criterion} criterion
      {error ? <span className="field-error" role="alert"> Could not compute them: {error}</span> : fresh ? '.' : ' (updating…).'}
    </p>
  );
}
