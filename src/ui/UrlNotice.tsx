/** What the link asked for that the lab ignored (decodeConfig's list), as plain text. */
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../store/labStore.ts';

const MAX_SHOWN = 160;
const clip = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);

export function UrlNotice() {
  const { ignored, dismissed, dismiss } = useLab(useShallow((s) => ({ ignored: s.url.ignored, dismissed: s.url.noticeDismissed, dismiss: s.actions.dismissUrlNotice })));
  if (ignored.length === 0 || dismissed) return null;
  return (
    <div className="notice warn" role="status" data-testid="url.notice" data-count={ignored.length}>
      <strong>Some settings in the link were ignored; their defaults are used instead:</strong>
      <ul>
        {ignored.map((i, n) => (
          <li key={n} data-testid="url.ignored">
            <code>{clip(i.key)}</code> = <code>{clip(i.value)}</code>: {clip(i.why)}
          </li>
        ))}
      </ul>
      <button type="button" className="small" data-testid="url.dismiss" onClick={dismiss}>
        dismiss
      </button>
    </div>
  );
}
