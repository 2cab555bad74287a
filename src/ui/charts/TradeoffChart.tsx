/** (6) Final accuracy against total selection cost: one point per method and pruning ratio. */
import { createContext, memo, useContext, useMemo, useState } from 'react';
import { useOffscreenHold } from './useOffscreenHold.ts';
import { useStaggered } from './useStaggered.ts';
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { useMethodPlans, useMethods } from './useMethods.ts';
import { flops, seconds } from '../format.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf, markerOf } from './colors.ts';
import { ends, niceTicks } from './axes.ts';
import { tradeoffPoints, type TradeoffPoint } from './data.ts';
import { xTick, yTick } from './PlainTick.tsx';
import { useSameValues } from './useSameValues.ts';
import { pctValue } from './format.ts';
import { axisWidth, tickFormatter } from './ticks.ts';
import { PointTooltip, samePlace, type Hovered } from './PointTooltip.tsx';

export interface TradeoffPlotProps {
  points: readonly TradeoffPoint[];
  methods: readonly string[];
}

const Plot = createContext<TradeoffPlotProps>({ points: [], methods: [] });

/** Axes and points read the plot from context, so the chart root does not re-render with the data (see LinePlot). */
function TradeoffAxes() {
  const { points } = useContext(Plot);
  const xt = useSameValues(niceTicks(Math.min(...points.map((p) => p.flops)), Math.max(...points.map((p) => p.flops)), 4, [0, Infinity]));
  const yt = useSameValues(niceTicks(Math.min(...points.map((p) => p.accuracy)), Math.max(...points.map((p) => p.accuracy)), 4, [0, 1]));
  const xFormat = useMemo(() => tickFormatter(xt, 'flops'), [xt]);
  const y = useMemo(() => {
    const format = tickFormatter(yt, 'percent');
    return { format, width: axisWidth(yt.map(format)) };
  }, [yt]);
  return (
    <>
      <XAxis dataKey="flops" type="number" name="selection FLOPs" tickFormatter={xFormat} tick={xTick} ticks={xt} domain={ends(xt)} interval={0} niceTicks="none" />
      <YAxis dataKey="accuracy" type="number" name="accuracy" tickFormatter={y.format} tick={yTick} width={y.width} ticks={yt} domain={ends(yt)} interval={0} niceTicks="none" />
    </>
  );
}

const Hover = createContext<(h: Hovered | null) => void>(() => undefined);

function TradeoffPoints() {
  const { points, methods } = useContext(Plot);
  const setHovered = useContext(Hover);
  return points.map((p) => (
    <Scatter
      key={p.method}
      name={p.method}
      data={[p]}
      fill={colourOf(p.method, methods)}
      shape={markerOf(p.method, methods)}
      isAnimationActive={false}
      onMouseEnter={(d: { cx?: number; cy?: number }) => setHovered({ point: p, x: d.cx ?? 0, y: d.cy ?? 0 })}
      onMouseLeave={() => setHovered(null)}
    />
  ));
}

const Frame = memo(function Frame() {
  return (
    <ScatterChart responsive style={{ width: '100%', height: 200 }} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <TradeoffAxes />
      <ZAxis range={[60, 60]} />
      <TradeoffPoints />
    </ScatterChart>
  );
});

/**
 * Draws `plot` (memoise it), catching up in its own turn, with its axis titles, a tooltip for the point
 * under the pointer, a note on points drawn over each other, and its points as a table.
 */
export function TradeoffPlot({ plot }: { plot: TradeoffPlotProps }) {
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const [hold, observed] = useOffscreenHold();
  const drawn = useStaggered(plot, hold);
  const covered = [...new Set(drawn.points.filter((p, i) => drawn.points.some((q, j) => j > i && samePlace(p, q))).map((p) => drawn.points.filter((q) => samePlace(p, q)).map((q) => q.method).join(' = ')))];
  return (
    <div className="line-plot" ref={observed}>
      <div className="axis-titles">
        <span><span aria-hidden="true">↑ </span>final test accuracy (%)</span>
      </div>
      <div className="tooltip-host">
        <Hover.Provider value={setHovered}>
          <Plot.Provider value={drawn}>
            <Frame />
          </Plot.Provider>
        </Hover.Provider>
        <PointTooltip hovered={hovered} points={drawn.points} />
      </div>
      <div className="axis-title-x">selection FLOPs, cumulative<span aria-hidden="true"> →</span></div>
      {covered.length > 0 && (
        <p className="hint coincide" data-testid="chart.coincide">
          Same place (drawn over each other): {covered.join('; ')}.
        </p>
      )}
      {drawn.points.length > 0 && (
        <details className="plot-numbers">
          <summary>Numbers</summary>
          <div className="table-scroll">
            <table className="numbers">
              <thead>
                <tr><th scope="col">method</th><th scope="col">selection FLOPs</th><th scope="col">selection time</th><th scope="col">final test accuracy</th></tr>
              </thead>
              <tbody>
                {drawn.points.map((p) => (
                  <tr key={p.method}><th scope="row">{p.method}</th><td>{flops(p.flops)}</td><td>{seconds(p.seconds)}</td><td>{pctValue(p.accuracy)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

export function TradeoffChart() {
  const { rounds, ratios } = useLab(useShallow((s) => ({ rounds: s.metrics.rounds, ratios: s.run.config?.ratio.length ?? 1 })));
  const plans = useMethodPlans();
  const methods = useMethods();
  const points = useMemo(() => tradeoffPoints(plans, rounds), [plans, rounds]);
  const legend = useMemo(() => points.map((p) => ({ name: p.method, colour: colourOf(p.method, methods), marker: markerOf(p.method, methods) })), [points, methods]);
  const plot = useMemo(() => ({ points, methods }), [points, methods]);
  return (
    <ChartCard
      id="chart.tradeoff"
      title="Final accuracy vs selection cost"
      hint={ratios > 1 ? 'one point per method and pruning ratio, at the last finished round' : 'one point per method at the last finished round; run several ratios to compare them'}
      points={points.length}
    >
      <TradeoffPlot plot={plot} />
      <SeriesLegend items={legend} />
    </ChartCard>
  );
}
