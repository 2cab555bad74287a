/**
 * What each selector queried: per track and round, the images it chose (thumbnails, classes, scores); the
 * classes of its labelled set after each round; how often the smaller selectors pick what the dense model
 * picks. Reads the run on screen, so a live run's view grows at every round.
 */
import { useMemo, useState } from 'react';
import { labelledSets } from '../../core/experiment/labelledSets.ts';
import type { RunResults } from '../../core/experiment/events.ts';
import { useLab } from '../../store/labStore.ts';
import { ClassHistogram } from './ClassHistogram.tsx';
import { DatasetNote } from './DatasetNote.tsx';
import { METRIC_NAMES } from '../names.ts';
import { methodsOnTrack, selectorName } from './selectorName.ts';
import { SelectionGallery } from './SelectionGallery.tsx';
import { SelectionOverlap } from './SelectionOverlap.tsx';
import { latest, useDatasetLookup, useImageLabels } from './useDatasetImages.ts';

export function SelectionView() {
  const results = useLab((s) => s.metrics.results);
  if (!results) return <p className="muted" data-testid="selection.empty">No run yet: start one, or open a saved, shared or example run, to see which images each selector chose.</p>;
  return <SelectionOfRun results={results} />;
}

function SelectionOfRun({ results }: { results: RunResults }) {
  const plans = results.methods;
  const [trackId, setTrackId] = useState<string | null>(null);
  const [pickedRound, setPickedRound] = useState<number | null>(null);
  const track = results.tracks.find((t) => t.id === trackId) ?? results.tracks[0];
  const lookup = useDatasetLookup(results.dataset.id);
  const facts = lookup.state === 'ready' && lookup.value.available ? lookup.value.facts : null;
  const datasetId = facts ? results.dataset.id : null;
  const sets = useMemo(() => (track ? labelledSets(results, track.id) : []), [results, track]);
  const labels = useImageLabels(datasetId, sets.at(-1)?.images ?? []);
  const selections = track?.selections ?? [];
  const selection = selections.find((s) => s.round === pickedRound) ?? selections.at(-1);
  const trackLabel = (id: string) => `${methodsOnTrack(id, plans)} · ${id}`;
  const known = latest(labels);

  return (
    <div className="dv" data-testid="selection">
      <h2 id="dv-selected">Images each selector chose</h2>
      <p className="hint">
        Ranked by {METRIC_NAMES[results.config.metric]} <span className="key">({results.config.metric})</span>: the score is the metric’s value for the image when it was
        chosen; a selector picks the highest first. All tracks start from the same {results.initial.length} randomly chosen images.
      </p>
      <DatasetNote lookup={lookup} name={results.dataset.name} what="images and classes are missing; indices and scores remain" />
      <div className="dv-pickers">
        <label>
          Selector{' '}
          <select value={track?.id ?? ''} onChange={(e) => { setTrackId(e.target.value); setPickedRound(null); }} data-testid="selection.track">
            {results.tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {trackLabel(t.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Chosen after{' '}
          <select value={selection?.round ?? ''} onChange={(e) => setPickedRound(Number(e.target.value))} disabled={selections.length === 0} data-testid="selection.round">
            {selections.map((s) => (
              <option key={s.round} value={s.round}>
                round {s.round + 1} ({s.images.length} images)
              </option>
            ))}
          </select>
        </label>
      </div>
      {track && selection ? (
        <SelectionGallery
          key={`${track.id}/${selection.round}`}
          selection={selection}
          datasetId={datasetId}
          classNames={facts?.classes ?? null}
          title={`Images the ${selectorName(track.id, plans)} chose after round ${selection.round + 1}, in the order chosen`}
        />
      ) : (
        <p className="muted" data-testid="selection.none">No selection yet: a selector chooses its first images after round 1’s training.</p>
      )}

      <h2 id="dv-classes">Classes in the labelled set</h2>
      {!facts || !track ? (
        <p className="muted">Class counts need the dataset’s labels{facts ? '' : ', which this browser does not have'}.</p>
      ) : labels.state === 'failed' ? (
        <p className="notice error">Could not read the labels: {labels.why}</p>
      ) : known ? (
        <ClassHistogram sets={sets} labels={known} classNames={facts.classes} caption={`Images per class in the labelled set of the ${selectorName(track.id, plans)}, by round`} />
      ) : (
        <p className="muted">Reading labels…</p>
      )}

      <h2 id="dv-overlap">Overlap with active learning</h2>
      <SelectionOverlap results={results} />
    </div>
  );
}
