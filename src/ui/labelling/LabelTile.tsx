/** One image of the batch: large enough to judge, its answer (or the selector's guess) under it. */
import { forwardRef, useEffect, useRef } from 'react';
import { SKIPPED } from '../../core/labelling/session.ts';
import type { QueuedImage } from '../../core/labelling/labellingTypes.ts';
import { UNKNOWN_LABEL } from '../../core/experiment/oracle.ts';
import { baseName } from '../../core/data/text.ts';

interface Props {
  image: ImageData;
  name: string;
  position: string;
  queued: QueuedImage;
  answer: number;
  classes: readonly string[];
  current: boolean;
  onSelect(): void;
}

export const LabelTile = forwardRef<HTMLButtonElement, Props>(function LabelTile({ image, name, position, queued, answer, classes, current, onSelect }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    c.width = image.width;
    c.height = image.height;
    c.getContext('2d')?.putImageData(image, 0, 0);
  }, [image]);
  const said = answer === SKIPPED ? 'skipped' : answer === UNKNOWN_LABEL ? null : classes[answer];
  const guess = queued.guess >= 0 ? classes[queued.guess] : null;
  return (
    <button
      ref={ref}
      type="button"
      className={`label-tile${current ? ' current' : ''}${said ? ' answered' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-name={name}
      data-answer={answer}
      tabIndex={current ? 0 : -1}
      onClick={onSelect}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <span className="visually-hidden">Image {position}: </span>
      <span className="label-tile-name">{baseName(name)}</span>
      <span className="label-tile-answer">{said ?? (guess ? `guess: ${guess}` : 'not labelled')}</span>
      {queued.holdout && <span className="label-tile-holdout">held out</span>}
    </button>
  );
});
