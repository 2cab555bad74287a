/**
 * What the pruning ratio means, live as p changes: p removes a fraction of every layer's channels, so the
 * selector keeps about (1-p) of the channels but only about (1-p)^2 of the parameters and MACs. Uniform
 * pruning's widths follow from the spec alone (computed here); global pruning ranks a seeded initialisation,
 * too slow for the main thread on deep models, so the pruning worker computes it.
 */
import { useMemo } from 'react';
import { resnetSpec } from '../../core/models/resnet.ts';
import { convLayersOf, type ResNetSpec } from '../../core/models/spec.ts';
import { pruningSummary, type PruningSummary } from '../../core/prune/summary.ts';
import { previewSummaries } from '../../services/pruningPreview.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { count, pct } from '../format.ts';
import { useLatestAnswer } from '../useLatestAnswer.ts';
import { matchesDataset } from '../../store/datasetMatch.ts';

function rowOf(dense: ResNetSpec, summary: PruningSummary) {
  const denseChannels = convLayersOf(dense).reduce((n, l) => n + l.outC, 0);
  const kept = Object.values(summary.widths).reduce((n, w) => n + w, 0);
  const single = Object.entries(summary.widths).filter(([, w]) => w === 1).map(([name]) => name);
  return { ...summary, channelRatio: kept / denseChannels, single };
}

export function RatioSemantics() {
  const { model, ratio, scope, criterion, seed, shape, classes, setValue } = useDeferredLab((s) => {
    const d = s.datasets.list.find((x) => matchesDataset(x, s.config.dataset));
    return { model: s.config.model, ratio: s.config.ratio, scope: s.config.scope, criterion: s.config.criterion, seed: s.config.seed, shape: d?.imageShape, classes: d?.classes, setValue: s.actions.setValue };
  });
  const dense = useMemo(() => resnetSpec(model, { ...(shape ? { inputShape: shape } : {}), ...(classes ? { numClasses: classes } : {}) }), [model, shape, classes]);
  const global = useLatestAnswer(
    scope === 'global' ? { model, seed, ratios: ratio, scope, criterion, ...(shape ? { inputShape: shape } : {}), ...(classes ? { numClasses: classes } : {}) } : null,
    previewSummaries,
    50,
  );
  const rows = useMemo(() => {
    if (scope !== 'global') return ratio.map((p) => rowOf(dense, pruningSummary(dense, p, scope, seed)));
    // While the worker ranks the new settings, the last answer stays (marked as updating), so the table does not blink.
    return (global.value ?? []).filter((summary) => summary.model === dense.model).map((summary) => rowOf(dense, summary));
  }, [dense, ratio, scope, seed, global.value]);
  const first = ratio[0] ?? 0.5;
  return (
    <div className="semantics" data-testid="ratio.semantics" aria-busy={scope === 'global' && !global.fresh}>
      <label className="slider">
        p ={' '}
        <input
          type="range"
          data-testid="config.ratioSlider"
          min={0}
          max={0.95}
          step={0.05}
          value={first}
          onChange={(e) => setValue('ratio', [Number(e.target.value), ...ratio.slice(1)])}
        />
        <output>{first.toFixed(2)}</output>
      </label>
      <table>
        <thead>
          <tr>
            <th>p</th>
            <th title="kept channels / dense channels">channels</th>
            <th title="pruned selector parameters / dense">params</th>
            <th title="pruned selector MACs / dense">MACs</th>
            <th>kept stage widths</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.ratio} data-testid={`ratio.row.${r.ratio}`}>
              <td>{r.ratio}</td>
              <td data-testid="ratio.channels">{pct(r.channelRatio)}</td>
              <td data-testid="ratio.params" title={`${count(r.params)} of ${count(r.denseParams)}`}>{pct(r.paramRatio)}</td>
              <td data-testid="ratio.macs" title={`${count(r.macs)} of ${count(r.denseMacs)}`}>{pct(r.macRatio)}</td>
              <td data-testid="ratio.widths">{r.stageWidths.join(' / ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scope === 'global' && !global.fresh && (
        <p className="muted" role="status" data-testid="ratio.computing">
          {global.error ? `Could not rank the channels: ${global.error}` : 'Ranking the channels of the seeded initialisation…'}
        </p>
      )}
      {rows.filter((r) => r.single.length > 0).map((r) => (
        <p key={r.ratio} className="field-warning" role="note" data-testid={`ratio.single.${r.ratio}`}>
          p = {r.ratio} leaves {r.single.length === 1 ? 'a layer' : `${r.single.length} layers`} with a single channel ({r.single.slice(0, 3).join(', ')}
          {r.single.length > 3 ? ', …' : ''}): the selector can hardly learn there.
        </p>
      ))}
    </div>
  );
}
