/**
 * Saved runs side by side: test accuracy and cumulative selection cost against the labelled fraction,
 * and final accuracy against selection cost, every series labelled with its run; and the settings that
 * differ. Shown when two or more runs are ticked in the history.
 */
import { useMemo } from 'react';
import { useLab } from '../../store/labStore.ts';
import { ChartCard, SeriesLegend } from '../charts/ChartCard.tsx';
import { colourOf } from '../charts/colors.ts';
import { ACCURACY_AXIS, chanceLevel, FRACTION_AXIS, pctValue } from '../charts/format.ts';
import { LinePlot, type LinePlotProps } from '../charts/LinePlot.tsx';
import { TradeoffPlot } from '../charts/TradeoffChart.tsx';
import { flops } from '../format.ts';
import { accuracyOf, differingSettings, overlayRows, overlaySeries } from './compareData.ts';

const DASHES = [undefined, '6 3', '2 3', '8 3 2 3'];

export function ComparePanel() {
  const runs = useLab((s) => s.comparison);
  const series = useMemo(() => overlaySeries(runs), [runs]);
  const names = useMemo(() => series.map((s) => s.name), [series]);
  // Colour by method and run together; dashes tell the runs apart too (not colour alone).
  const specs = useMemo(() => series.map((s) => ({ key: s.key, name: s.name, colour: colourOf(s.name, names), dash: DASHES[s.run % DASHES.length] })), [series, names]);
  const classes = runs[0]?.results.dataset.classes ?? null;
  const accuracy = useMemo<LinePlotProps>(() => ({ rows: overlayRows(runs, series, accuracyOf), series: specs, x: FRACTION_AXIS, y: ACCURACY_AXIS, value: pctValue, reference: chanceLevel(classes) }), [runs, series, specs, classes]);
  const cost = useMemo<LinePlotProps>(() => ({ rows: overlayRows(runs, series, (r) => r.cumulativeSelectionFlops), series: specs, x: FRACTION_AXIS, y: { unit: 'flops', title: 'FLOPs, cumulative', bounds: [0, Infinity] }, value: flops }), [runs, series, specs]);
  const tradeoff = useMemo(() => ({
    methods: names,
    points: series.flatMap((s) => {
      const last = runs[s.run]!.results.methods.find((m) => m.method === s.method)?.rounds.at(-1);
      return last ? [{ method: s.name, ratio: undefined, flops: last.cumulativeSelectionFlops, seconds: last.cumulativeSelectionSeconds, accuracy: accuracyOf(last) }] : [];
    }),
  }), [runs, series, names]);
  const differing = useMemo(() => differingSettings(runs), [runs]);
  if (runs.length < 2) return null;
  const points = accuracy.rows.reduce((n, r) => n + Object.keys(r).length - 1, 0);
  return (
    <section className="card wide compare" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">Comparing {runs.length} runs</h2>
      <div className="charts">
        <ChartCard id="compare.accuracy" title="Test accuracy vs labelled fraction" hint="each run's methods; dashes tell the runs apart" points={points}>
          <LinePlot plot={accuracy} />
        </ChartCard>
        <ChartCard id="compare.cost" title="Selection cost (FLOPs) vs labelled fraction" points={points}>
          <LinePlot plot={cost} />
        </ChartCard>
        <ChartCard id="compare.tradeoff" title="Final accuracy vs selection cost" points={tradeoff.points.length}>
          <TradeoffPlot plot={tradeoff} />
        </ChartCard>
      </div>
      <SeriesLegend items={specs} />
      <h3>Settings that differ</h3>
      {differing.length === 0 ? (
        <p className="muted" data-testid="compare.same">The runs share every setting (same seed too: they differ only by when and where they ran).</p>
      ) : (
        <table className="numbers" data-testid="compare.settings">
          <thead>
            <tr>
              <th>setting</th>
              {runs.map((r) => (
                <th key={r.id}>{r.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {differing.map((d) => (
              <tr key={d.key} data-testid={`compare.setting.${d.key}`}>
                <th>{d.key}</th>
                {d.values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
