/**
 * Start here: recorded examples that open at once (no run), and presets for a first run of one's own.
 * Each example is a real link (`?example=<id>`), so it can be opened in a new tab or shared.
 */
import { useEffect, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { loadExampleIndex, openExample } from '../../services/examples.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { recordingText } from './ExampleProvenance.tsx';
import { Presets } from './Presets.tsx';

export function ExampleGallery() {
  const { index, error, open, busy } = useLab(useShallow((s) => ({ index: s.examples.index, error: s.examples.error, open: s.examples.open, busy: isActive(s.run.status) })));
  useEffect(() => void loadExampleIndex().catch(() => undefined), []);
  const onOpen = (e: MouseEvent, id: string) => {
    e.preventDefault();
    void openExample(id);
  };
  return (
    <section className="start card" aria-labelledby="start-title" data-testid="examples">
      <h2 id="start-title">Start here</h2>
      <p className="hint">Open a recorded example to see its charts at once, or pick a preset and press Start to run one yourself.</p>
      {error && (
        <p className="notice error" role="alert" data-testid="examples.error">
          {error}
        </p>
      )}
      <h3>Recorded examples</h3>
      {index === null && !error && <p className="muted">Loading the examples…</p>}
      {index !== null && index.examples.length === 0 && <p className="muted">No examples are recorded in this build (npm run record:examples makes them).</p>}
      <ul className="example-list">
        {index?.examples.map((e) => (
          <li key={e.id} className={open?.id === e.id ? 'current' : undefined} data-testid={`example.${e.id}`}>
            <a href={`?example=${e.id}`} aria-disabled={busy || undefined} onClick={(ev) => onOpen(ev, e.id)} data-testid={`example.open.${e.id}`}>
              {e.title}
            </a>
            <span className="lesson">{e.lesson}</span>
            <span className="muted">{recordingText(e)}</span>
          </li>
        ))}
      </ul>
      <Presets />
    </section>
  );
}
