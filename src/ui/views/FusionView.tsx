/**
 * Fusion: what the dense network starts from. For one layer, the dense weight matrix as a heat map (rows =
 * output channels, columns = input channels, each cell the L2 norm of one k x k kernel): the entries at kept
 * rows and kept columns came from the trained pruned network, the rest keep their initialisation. A run's
 * fusion snapshot gives the values after its last fusion; without one (before a run, before the last round,
 * or a file written before snapshots) the shading is the initial weights and the marks show what fusion copies.
 */
import { useMemo, useState } from 'react';
import { convLayersOf } from '../../core/models/spec.ts';
import { keptChannelsOf } from '../../core/prune/prune.ts';
import { previewInitialNorms, previewPruning } from '../../services/pruningPreview.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { pct } from '../format.ts';
import { FusionHeatMap, FusionLegend } from './FusionHeatMap.tsx';
import { FusionNumbers } from './FusionNumbers.tsx';
import { fusionMap } from './fusionMap.ts';
import { useMethodSource, useSpec, type RecordedPruning } from './methodSource.ts';
import { RatioPicker } from './RatioPicker.tsx';
import { SourceNote } from './SourceNote.tsx';
import { useLatestAnswer } from '../useLatestAnswer.ts';

export function FusionView() {
  const source = useMethodSource();
  const running = useLab((s) => isActive(s.run.status));
  const spec = useSpec(source.net);
  const preview = useLatestAnswer(source.origin === 'settings' ? source.request : null, previewPruning);
  const options: readonly Omit<RecordedPruning, 'track'>[] = source.origin === 'recorded' ? source.pruned : (preview.value ?? []).map((p) => ({ ...p, fusion: null }));
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = options.find((o) => o.ratio === picked) ?? options[0];
  const trained = chosen?.fusion ?? null;
  const init = useLatestAnswer(chosen && !trained ? source.net : null, previewInitialNorms);
  const layers = trained?.layers ?? init.value ?? [];
  const [layerName, setLayerName] = useState<string | null>(null);
  const layer = layers.find((l) => l.layer === layerName) ?? layers[0];
  const [keptFirst, setKeptFirst] = useState(false);
  const map = useMemo(() => {
    if (!chosen || !layer) return null;
    const kept = keptChannelsOf(chosen.groups);
    const conv = convLayersOf(spec).find((l) => l.name === layer.layer);
    const rows = kept[layer.layer];
    const cols = conv?.source === 'input' ? Array.from({ length: layer.cols }, (_, i) => i) : conv ? kept[conv.source] : undefined;
    if (!rows || !cols) return null;
    try {
      return fusionMap(layer, rows, cols, keptFirst);
    } catch {
      return null; // an answer for other settings, still on its way out
    }
  }, [chosen, layer, spec, keptFirst]);
  const fresh = source.origin === 'recorded' ? trained !== null || init.fresh : preview.fresh && init.fresh;
  const values = trained
    ? `The shading is the recorded kernel norms right after the last fusion (round ${trained.round + 1}).`
    : source.origin === 'settings'
      ? 'Before a run, the shading shows the initial weights; the marked entries are those fusion will overwrite with the trained pruned network\u2019s weights.'
      : running
        ? 'The run has not reached its last fusion yet: the shading shows the initial weights; the marked entries are those fusion copies.'
        : 'The trained values are not in this results file (it was written before the lab recorded a fusion snapshot): the shading shows the initial weights; the marked entries are those fusion copied.';
  const copied = map ? `${map.copiedStats.count} of ${map.rows * map.cols} entries (${pct(map.copiedStats.count / (map.rows * map.cols))})` : '';
  return (
    <section className="method-view" aria-labelledby="fusion-title" data-testid="fusion.view" data-origin={source.origin} data-trained={trained !== null} data-fresh={fresh}>
      <h2 id="fusion-title">Fusion: what the dense network starts from</h2>
      <p className="hint">
        Fusion writes the trained pruned network into the untrained dense one at the kept channels: a weight is copied when both its output
        channel (row) and its input channel (column) were kept. Every other weight keeps its initial value.
      </p>
      <SourceNote source={source} fresh={fresh} error={preview.error ?? init.error} />
      <div className="method-controls">
        {chosen && <RatioPicker id="fusion" ratios={options.map((o) => o.ratio)} value={chosen.ratio} onChange={setPicked} />}
        {layers.length > 0 && (
          <label className="method-select">
            Layer{' '}
            <select value={layer?.layer} onChange={(e) => setLayerName(e.target.value)} data-testid="fusion.layer">
              {layers.map((l) => (
                <option key={l.layer} value={l.layer}>
                  {l.layer} ({l.rows} × {l.cols})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="method-check">
          <input type="checkbox" checked={keptFirst} onChange={(e) => setKeptFirst(e.target.checked)} data-testid="fusion.keptFirst" /> kept channels first
        </label>
      </div>
      {!map ? (
        <p className="empty" role="status">Computing the weight norms…</p>
      ) : (
        <>
          <p data-testid="fusion.summary" data-copied={map.copiedStats.count} data-entries={map.rows * map.cols} role="status">
            {map.layer} at p = {chosen!.ratio}: {copied} {trained || (source.origin === 'recorded' && !running) ? 'copied' : 'will be copied'} from the trained pruned
            network ({map.keptRows.size} of {map.rows} output channels × {map.keptCols.size} of {map.cols} input channels); the other{' '}
            {map.initialStats.count} keep their initialisation.
          </p>
          <p className="muted" data-testid="fusion.values">{values}</p>
          <FusionLegend keptFirst={keptFirst} />
          <figure className="heat-figure">
            <FusionHeatMap
              map={map}
              keptFirst={keptFirst}
              label={`Heat map of ${map.layer}: ${map.rows} output channels (rows) by ${map.cols} input channels (columns); ${copied} copied from the trained pruned network, marked with a dot.`}
            />
            <figcaption className="muted">
              Rows: output channels {keptFirst ? '(kept first)' : '0 to ' + (map.rows - 1)}; columns: input channels {keptFirst ? '(kept first)' : '0 to ' + (map.cols - 1)}. Darker is a larger kernel norm (largest {map.maxNorm.toPrecision(3)}).
            </figcaption>
          </figure>
          <FusionNumbers map={map} />
        </>
      )}
    </section>
  );
}
