/**
 * The views as tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs; the panel follows).
 * Views a teacher's link hides (`hide=`) are left out.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useLab } from '../../store/labStore.ts';
import type { PanelId } from '../../url/panels.ts';
import { VIEWS } from './viewList.ts';

export function Views() {
  const hidden = useLab((s) => s.url.panels);
  const views = VIEWS.filter((v) => !hidden.includes(v.id));
  const [selected, setSelected] = useState(views[0]?.id ?? '');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  if (views.length === 0) return null;
  const current = views.find((v) => v.id === selected) ?? views[0]!;
  const onKey = (e: KeyboardEvent, i: number) => {
    const to = e.key === 'ArrowRight' ? (i + 1) % views.length : e.key === 'ArrowLeft' ? (i - 1 + views.length) % views.length : e.key === 'Home' ? 0 : e.key === 'End' ? views.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setSelected(views[to]!.id);
    tabs.current[to]?.focus();
  };
  return (
    <section className="views" aria-label="views" data-testid="views">
      <div role="tablist" aria-label="Views" className="tabs">
        {views.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => void (tabs.current[i] = el)}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-controls={`panel-${v.id}`}
            aria-selected={v.id === current.id}
            tabIndex={v.id === current.id ? 0 : -1}
            data-testid={`view.tab.${v.id}`}
            onClick={() => setSelected(v.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {v.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="view-panel" data-testid={`view.${current.id}`}>
        <current.Component />
      </div>
    </section>
  );
}
