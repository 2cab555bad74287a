/**
 * Pruning: which channels survive. Every output channel of every conv layer as a bar of its L2 score at
 * initialisation, kept channels filled and pruned ones outlined, grouped as pruning sees them: the residual
 * groups (layers whose channels a residual addition ties, pruned together) and the other layers by stage.
 * Shows the recorded pruning of the run on screen, or, before a run, what the current settings give
 * (computed by the pruning worker, so it follows p, scope, model and seed as they change).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { previewPruning } from '../../services/pruningPreview.ts';
import { pct } from '../format.ts';
import { GroupBarsFigure } from './GroupBarsFigure.tsx';
import { useMethodSource, useSpec } from './methodSource.ts';
import { PruningNumbers } from './PruningNumbers.tsx';
import { pruningLayout, type BarOrder } from './pruningBars.ts';
import { RatioPicker } from './RatioPicker.tsx';
import { SourceNote } from './SourceNote.tsx';
import { useLatestAnswer } from '../useLatestAnswer.ts';

export function PruningView() {
  const source = useMethodSource();
  const preview = useLatestAnswer(source.origin === 'settings' ? source.request : null, previewPruning);
  const options = source.origin === 'recorded' ? source.pruned : (preview.value ?? []);
  const [picked, setPicked] = useState<number | null>(null);
  const [order, setOrder] = useState<BarOrder>('channel');
  const chosen = options.find((o) => o.ratio === picked) ?? options[0];
  const spec = useSpec(source.net);
  // The bars render in a deferred pass, which React splits into short tasks: a deep network's hundred
  // figures never hold up the click or keystroke that changed them.
  const shown = { spec: useDeferredValue(spec), chosen: useDeferredValue(chosen), order: useDeferredValue(order) };
  const layout = useMemo(() => (shown.chosen ? pruningLayout(shown.spec, shown.chosen.groups, shown.order) : null), [shown.spec, shown.chosen, shown.order]);
  const fresh = source.origin === 'recorded' || preview.fresh;
  return (
    <section className="method-view" aria-labelledby="pruning-title" data-testid="pruning.view" data-origin={source.origin} data-fresh={fresh}>
      <h2 id="pruning-title">Pruning: which channels survive</h2>
      <p className="hint">
        Each bar is one output channel, as tall as its L2 score at initialisation. Pruning keeps the highest-scoring channels of every
        layer; layers joined by a residual addition must keep the same channels, so they are scored together (the mean of their scores).
      </p>
      <SourceNote source={source} fresh={fresh} error={preview.error} />
      <div className="method-controls">
        {chosen && <RatioPicker id="pruning" ratios={options.map((o) => o.ratio)} value={chosen.ratio} onChange={setPicked} />}
        <label className="method-select">
          Order bars by{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as BarOrder)} data-testid="pruning.order">
            <option value="channel">channel index</option>
            <option value="score">score, highest first</option>
          </select>
        </label>
      </div>
      {!shown.chosen || !layout ? (
        <p className="empty" role="status">Computing the channel scores…</p>
      ) : (
        <>
          <p data-testid="pruning.summary" data-ratio={shown.chosen.ratio} data-kept={layout.keptChannels} role="status">
            At p = {shown.chosen.ratio}, {layout.keptChannels} of {layout.channels} channels survive ({pct(layout.keptChannels / layout.channels)});
            {' '}{layout.residual.length} residual groups tie {layout.residual.reduce((n, g) => n + g.members.length, 0)} layers.
          </p>
          <ul className="legend method-legend" aria-label="Legend">
            <li>
              <svg width="14" height="14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" className="bar-kept" /></svg> kept (filled bar)
            </li>
            <li>
              <svg width="14" height="14" aria-hidden="true"><rect x="1.5" y="1.5" width="11" height="11" className="bar-pruned" /></svg> pruned (outlined bar)
            </li>
            <li>
              <svg width="18" height="14" aria-hidden="true"><line x1="0" x2="18" y1="7" y2="7" className="bar-cut" /></svg> lowest kept score
            </li>
          </ul>
          <h3>Residual groups: layers that share channels</h3>
          <div className="group-list">
            {layout.residual.map((g) => <GroupBarsFigure key={g.id} bars={g} />)}
          </div>
          <h3>Other layers, by stage</h3>
          {layout.stages.map((groups, si) => (
            <details key={si} className="method-stage" open={groups.length <= 3}>
              <summary>
                Stage {si + 1}: {groups.length} {groups.length === 1 ? 'layer' : 'layers'}, {groups.reduce((n, g) => n + g.keptCount, 0)} of {groups.reduce((n, g) => n + g.width, 0)} channels kept
              </summary>
              <div className="group-list">
                {groups.map((g) => <GroupBarsFigure key={g.id} bars={g} />)}
              </div>
            </details>
          ))}
          <PruningNumbers groups={shown.chosen.groups} />
        </>
      )}
    </section>
  );
}
