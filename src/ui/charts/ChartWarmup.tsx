/**
 * Draws a line chart and a scatter chart with made-up points once, off screen, shortly after the page
 * loads, then removes them. A chart's first drawing with data runs code the browser has not compiled
 * yet and takes several times longer than later ones; paying that before a run keeps every task during
 * the run short.
 */
import { useEffect, useState } from 'react';
import { LinePlot, type LinePlotProps } from './LinePlot.tsx';
import { TradeoffPlot } from './TradeoffChart.tsx';

const WARMUP_DELAY_MS = 300;

const PLOT: LinePlotProps = {
  rows: [
    { fraction: 0.02, s0: 0.1, s1: 0.2 },
    { fraction: 0.1, s0: 0.3, s1: 0.25 },
  ],
  series: [
    { key: 's0', name: 'a', colour: '#888' },
    { key: 's1', name: 'b', colour: '#888', dash: '5 3', axis: 'right' },
  ],
  x: { key: 'fraction', format: (v) => String(v) },
  y: { bounds: [0, 1] },
  y2: { domain: [0, 1] },
  value: (v) => String(v),
};
const TRADEOFF = { points: [{ method: 'a', ratio: undefined, flops: 1e9, seconds: 1, accuracy: 0.3 }], methods: ['a'] };

export function ChartWarmup() {
  const [stage, setStage] = useState<'waiting' | 'drawing' | 'done'>('waiting');
  useEffect(() => {
    if (stage === 'done') return;
    const timer = setTimeout(() => setStage(stage === 'waiting' ? 'drawing' : 'done'), WARMUP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [stage]);
  if (stage !== 'drawing') return null;
  return (
    <div className="warmup" aria-hidden="true">
      <LinePlot plot={PLOT} />
      <TradeoffPlot plot={TRADEOFF} />
    </div>
  );
}
