/**
 * What the pruning ratio means, live as p changes: p removes a fraction of every layer's channels, so the
 * selector keeps about (1-p) of the channels but only about (1-p)^2 of the parameters and MACs.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { resnetSpec } from '../../core/models/resnet.ts';
import { convLayersOf } from '../../core/models/spec.ts';
import { pruningSummary } from '../../core/prune/summary.ts';
import { useLab } from '../../store/labStore.ts';
import { count, pct } from '../format.ts';
import { matchesDataset } from './DatasetField.tsx';

export function RatioSemantics() {
  const { model, ratio, scope, seed, shape, classes, setValue } = useLab(
    useShallow((s) => {
      const d = s.datasets.list.find((x) => matchesDataset(x, s.config.dataset));
      return { model: s.config.model, ratio: s.config.ratio, scope: s.config.scope, seed: s.config.seed, shape: d?.imageShape, classes: d?.classes, setValue: s.actions.setValue };
    }),
  );
  const rows = useMemo(() => {
    const dense = resnetSpec(model, { ...(shape ? { inputShape: shape } : {}), ...(classes ? { numClasses: classes } : {}) });
    const denseChannels = convLayersOf(dense).reduce((n, l) => n + l.outC, 0);
    return ratio.map((p) => {
      const summary = pruningSummary(dense, p, scope, seed);
      const kept = Object.values(summary.widths).reduce((n, w) => n + w, 0);
      const single = Object.entries(summary.widths).filter(([, w]) => w === 1).map(([name]) => name);
      return { ...summary, channelRatio: kept / denseChannels, single };
    });
  }, [model, ratio, scope, seed, shape, classes]);
  const first = ratio[0] ?? 0.5;
  return (
    <div className="semantics" data-testid="ratio.semantics">
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
      {rows.filter((r) => r.single.length > 0).map((r) => (
        <p key={r.ratio} className="field-warning" role="note" data-testid={`ratio.single.${r.ratio}`}>
          p = {r.ratio} leaves {r.single.length === 1 ? 'a layer' : `${r.single.length} layers`} with a single channel ({r.single.slice(0, 3).join(', ')}
          {r.single.length > 3 ? ', …' : ''}): the selector can hardly learn there.
        </p>
      ))}
    </div>
  );
}
