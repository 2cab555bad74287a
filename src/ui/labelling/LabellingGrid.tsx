/**
 * The batch to label, keyboard first: a class's key (1-9, 0, then letters) labels the image under the
 * cursor and moves on; Enter confirms the selector's guess; s skips ("not sure"); arrows move; Backspace
 * takes back the last answer. The buttons do the same for mouse and touch.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { SKIPPED } from '../../core/labelling/session.ts';
import { answerImage, undoAnswer } from '../../services/labelling.ts';
import { labellingActions, useLabelling } from '../../store/labellingStore.ts';
import { classKey, classOfKey, SKIP_KEY } from './classKeys.ts';
import { imageDataOf } from './imageData.ts';
import { LabelTile } from './LabelTile.tsx';

/** Tiles per row, read off the layout (for Up and Down). */
function columns(tiles: (HTMLButtonElement | null)[]): number {
  const top = tiles[0]?.offsetTop;
  const n = tiles.findIndex((t) => t !== null && t.offsetTop !== top);
  return n > 0 ? n : Math.max(1, tiles.length);
}

export function LabellingGrid() {
  const session = useLabelling((s) => s.session);
  const images = useLabelling((s) => s.images);
  const cursor = useLabelling((s) => s.cursor);
  const tiles = useRef<(HTMLButtonElement | null)[]>([]);
  const grid = useRef<HTMLDivElement>(null);
  const batch = session?.batch ?? null;
  const data = useMemo(() => (images && batch ? batch.queue.map((q) => imageDataOf(images, q.image)) : []), [images, batch?.queue]);

  // Keyboard first: the current image has the focus when the screen opens and when a new batch replaces the
  // one that had it (its tiles are gone, so the focus fell to the page), and follows the cursor.
  useEffect(() => {
    const active = document.activeElement;
    if (grid.current?.contains(active) || active === document.body || active === null) tiles.current[cursor]?.focus();
  }, [cursor, batch?.queue]);

  if (!session || !batch || batch.queue.length === 0) return null;
  const classes = session.classes;
  const queued = batch.queue[cursor];

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = (to: number) => {
      e.preventDefault();
      labellingActions.moveCursor(to);
    };
    const cols = columns(tiles.current.slice(0, batch.queue.length));
    const cls = classOfKey(e.key, classes.length);
    if (cls !== null) {
      e.preventDefault();
      void answerImage(cls);
    } else if (e.key.toLowerCase() === SKIP_KEY) {
      e.preventDefault();
      void answerImage(SKIPPED);
    } else if (e.key === 'Enter' && queued && queued.guess >= 0) {
      e.preventDefault();
      void answerImage(queued.guess);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      void undoAnswer();
    } else if (e.key === 'ArrowRight') move(cursor + 1);
    else if (e.key === 'ArrowLeft') move(cursor - 1);
    else if (e.key === 'ArrowDown') move(cursor + cols);
    else if (e.key === 'ArrowUp') move(cursor - cols);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(batch.queue.length - 1);
  };

  return (
    <div className="label-work" onKeyDown={onKey}>
      <div className="label-classes" role="group" aria-label="Label the current image">
        {classes.map((name, k) => (
          <button key={name} type="button" onClick={() => void answerImage(k)} aria-keyshortcuts={classKey(k) ?? undefined} className={queued?.guess === k ? 'guess' : undefined}>
            {classKey(k) && <kbd>{classKey(k)}</kbd>} {name}
            {queued?.guess === k && <span className="muted"> (guess: Enter)</span>}
          </button>
        ))}
        <button type="button" onClick={() => void answerImage(SKIPPED)} aria-keyshortcuts={SKIP_KEY}>
          <kbd>{SKIP_KEY}</kbd> skip / not sure
        </button>
        <button type="button" onClick={() => void undoAnswer()} aria-keyshortcuts="Backspace">
          <kbd>⌫</kbd> undo
        </button>
      </div>
      <div className="label-grid" ref={grid} role="group" aria-label="Images in this batch (arrows move, a class key labels)" data-testid="label-grid">
        {batch.queue.map((q, k) => (
          <LabelTile
            key={q.image}
            ref={(el) => void (tiles.current[k] = el)}
            image={data[k]!}
            name={session.names[q.image]!}
            position={`${k + 1} of ${batch.queue.length}`}
            queued={q}
            answer={batch.answers[k]!}
            classes={classes}
            current={k === cursor}
            onSelect={() => labellingActions.moveCursor(k)}
          />
        ))}
      </div>
    </div>
  );
}
