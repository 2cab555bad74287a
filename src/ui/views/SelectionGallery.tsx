/**
 * The images one selector chose in one round, in the order it chose them: thumbnail, class, the metric's
 * score and the image's index in the dataset's training split. A first page, then more on request; only
 * the images shown are fetched from the dataset worker. Without the dataset, indices and scores remain.
 */
import { useState } from 'react';
import type { SelectionRecord } from '../../core/experiment/events.ts';
import { latest, useThumbnails } from './useDatasetImages.ts';
import { Thumbnail } from './Thumbnail.tsx';

const PAGE = 24;

export interface GalleryProps {
  selection: SelectionRecord;
  /** The dataset to read pixels from; null when this browser lacks it. */
  datasetId: string | null;
  classNames: readonly string[] | null;
  /** What the gallery shows, for its list's accessible name: 'Images the pruned model chose in round 1'. */
  title: string;
}

const scoreText = (score: number | undefined) => (score === undefined ? 'random pick' : `score ${score.toPrecision(3)}`);

export function SelectionGallery({ selection, datasetId, classNames, title }: GalleryProps) {
  const [shown, setShown] = useState(PAGE);
  const images = selection.images.slice(0, shown);
  const loaded = useThumbnails(datasetId, images);
  const thumbs = latest(loaded);
  const total = selection.images.length;
  return (
    <div className="dv-gallery-wrap">
      {loaded.state === 'failed' && <p className="notice error">Could not read the images: {loaded.why}</p>}
      <ol className="dv-gallery" aria-label={title} data-testid="selection.gallery">
        {images.map((index, k) => {
          const entry = thumbs?.get(index);
          const name = entry ? (classNames?.[entry.label] ?? `class ${entry.label}`) : null;
          const score = scoreText(selection.scores?.[k]);
          return (
            <li key={index} className="dv-item" data-testid="selection.image" data-index={index}>
              {datasetId !== null && <Thumbnail image={entry?.image} label={`Image ${index}${name ? `, ${name}` : ''}`} />}
              <span className="dv-class" data-testid="selection.class">{name ?? (datasetId === null ? 'class unknown' : 'loading…')}</span>
              <span className="dv-score">{score}</span>
              <span className="key">#{k + 1} · image {index}</span>
            </li>
          );
        })}
      </ol>
      <p className="dv-more">
        <span className="muted">
          {images.length} of {total} shown
        </span>
        {shown < total && (
          <button type="button" data-testid="selection.more" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, total - shown)} more
          </button>
        )}
      </p>
    </div>
  );
}
