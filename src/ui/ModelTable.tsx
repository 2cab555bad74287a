import { useMemo, useState } from 'react';
import { MODEL_IDS, resnetSpec } from '../core/models/resnet.ts';
import { pruningSummary } from '../core/prune/summary.ts';
import { count } from './format.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Every model's dense and pruned size at a chosen channel pruning ratio. */
export function ModelTable() {
  const [ratio, setRatio] = useState(0.5);
  const rows = useMemo(() => MODEL_IDS.map((id) => pruningSummary(resnetSpec(id), ratio)), [ratio]);
  return (
    <section>
      <label>
        Channel pruning ratio p = <output data-testid="models.ratioValue">{ratio.toFixed(2)}</output>{' '}
        <input
          data-testid="models.ratio"
          type="range"
          min={0}
          max={0.95}
          step={0.05}
          value={ratio}
          onChange={(e) => setRatio(Number(e.target.value))}
        />
      </label>
      <table data-testid="models.table" style={{ borderCollapse: 'collapse', width: '100%', marginTop: '1rem' }}>
        <thead>
          <tr>
            {['model', 'dense params', 'pruned params', 'param ratio', 'dense MACs', 'pruned MACs', 'MAC ratio', 'stage widths'].map((h) => (
              <th key={h} style={{ textAlign: 'right', padding: '0.25rem 0.5rem' }}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.model} data-testid={`models.row.${r.model}`}>
              {[r.model, count(r.denseParams), count(r.params), pct(r.paramRatio), count(r.denseMacs), count(r.macs), pct(r.macRatio), r.stageWidths.join(' / ')].map((c, i) => (
                <td key={i} style={{ textAlign: 'right', padding: '0.25rem 0.5rem' }}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
