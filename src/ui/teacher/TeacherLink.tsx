/**
 * "Link for students": a teacher picks which settings students may change, which they see but cannot
 * change (locked), and which are hidden (kept at this page's values), and which views, charts and page parts
 * to hide; then copies the link. Reset on the students' page keeps the locked and hidden values.
 */
import { useMemo, useState } from 'react';
import { CONFIG_KEYS, type ConfigKey } from '../../core/config/runConfig.ts';
import { shareableLink } from '../../services/teacherLink.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { PANEL_IDS, PANELS, type PanelId } from '../../url/panels.ts';
import { FIELD_TEXT } from '../config/fieldText.ts';

type Access = 'free' | 'locked' | 'hidden';
const ACCESS: Access[] = ['free', 'locked', 'hidden'];
const ACCESS_TEXT: Record<Access, string> = { free: 'students may change', locked: 'shown, locked', hidden: 'hidden (kept)' };

export function TeacherLink() {
  const config = useDeferredLab((s) => s.config);
  const [access, setAccess] = useState<Partial<Record<ConfigKey, Access>>>({});
  const [panels, setPanels] = useState<PanelId[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const link = useMemo(() => {
    const of = (a: Access) => CONFIG_KEYS.filter((k) => (access[k] ?? 'free') === a);
    return shareableLink(config, { hidden: of('hidden'), locked: of('locked'), panels });
  }, [config, access, panels]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The clipboard is not available here: select the link above and copy it.');
    }
  };
  return (
    <details className="teacher card" data-testid="teacher">
      <summary>
        <h2>Link for students</h2>
      </summary>
      <p className="hint">The link carries this page's settings. Choose what students may change, and what they see.</p>
      <div className="teacher-grid">
        <table className="numbers teacher-settings">
          <caption>Settings</caption>
          <thead>
            <tr>
              <th scope="col">setting</th>
              <th scope="col">students</th>
            </tr>
          </thead>
          <tbody>
            {CONFIG_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row">
                  <label htmlFor={`teacher-${k}`}>{FIELD_TEXT[k].label}</label>
                </th>
                <td>
                  <select id={`teacher-${k}`} value={access[k] ?? 'free'} onChange={(e) => setAccess({ ...access, [k]: e.target.value as Access })} data-testid={`teacher.access.${k}`}>
                    {ACCESS.map((a) => (
                      <option key={a} value={a}>
                        {ACCESS_TEXT[a]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="teacher-panels">
          <legend>Hide</legend>
          {PANEL_IDS.map((id) => (
            <label key={id} className="check">
              <input type="checkbox" checked={panels.includes(id)} onChange={(e) => setPanels(e.target.checked ? [...panels, id] : panels.filter((p) => p !== id))} data-testid={`teacher.hide.${id}`} /> {PANELS[id]}
            </label>
          ))}
        </fieldset>
      </div>
      <label className="teacher-link">
        Link{' '}
        <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="teacher.link" />
      </label>{' '}
      <button type="button" onClick={() => void copy()} data-testid="teacher.copy">
        Copy link
      </button>{' '}
      <a href={link} target="_blank" rel="noreferrer">
        Open it as a student would
      </a>
      {copied && (
        <span className="muted" role="status">
          {' '}
          {copied}
        </span>
      )}
    </details>
  );
}
