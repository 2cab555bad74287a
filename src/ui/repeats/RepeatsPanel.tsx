/**
 * Repeats under several seeds: the mean test accuracy of each method per labelled fraction, with its
 * min-max band, and a table of mean ± sample standard deviation. The chance level is drawn so that tiny
 * runs do not look more meaningful than they are.
 */
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useLab } from '../../store/labStore.ts';
import { colourOf } from '../charts/colors.ts';
import { chanceLevel, fractionLabel, pctTick } from '../charts/format.ts';
import { SeriesLegend } from '../charts/ChartCard.tsx';
import { pct } from '../format.ts';
import { aggregateRepeats } from '../../core/experiment/repeats.ts';

export function RepeatsPanel() {
  const repeats = useLab((s) => s.repeats);
  const summary = useMemo(() => aggregateRepeats(repeats?.results ?? []), [repeats]);
  const names = summary.methods.map((m) => m.method);
  const rows = useMemo(
    () => summary.fractions.map((fraction, round) => {
      const row: Record<string, number | [number, number] | undefined> = { fraction };
      summary.methods.forEach((m, i) => {
        const s = m.rounds[round];
        if (s) {
          row[`m${i}`] = s.mean;
          row[`b${i}`] = [s.min, s.max];
        }
      });
      return row;
    }),
    [summary],
  );
  if (!repeats || repeats.results.length === 0) return null;
  const classes = repeats.results[0]!.dataset.classes;
  const chance = chanceLevel(classes);
  const done = repeats.results.length;
  return (
    <section className="card wide repeats" aria-labelledby="repeats-title" data-testid="repeats" data-seeds={done}>
      <h2 id="repeats-title">
        Repeats: {done} of {repeats.seeds.length} seeds ({repeats.results.map((r) => r.config.seed).join(', ')}){repeats.running ? ', more running' : ''}
      </h2>
      <p className="hint">Mean test accuracy of the final model; the band spans the lowest to the highest seed (min–max). The table gives mean ± sample standard deviation.</p>
      <ComposedChart responsive style={{ width: '100%', height: 220 }} data={rows} margin={{ top: 8, right: 18, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="fraction" type="number" domain={['dataMin', 'dataMax']} ticks={summary.fractions} tickFormatter={fractionLabel} />
        <YAxis domain={[0, 1]} tickFormatter={pctTick} width={40} />
        {chance && <ReferenceLine y={chance.y} stroke="#8a8f98" strokeDasharray="2 4" label={{ value: chance.label, position: 'insideBottomRight', fontSize: 11 }} />}
        {names.map((m, i) => (
          <Area key={`b${i}`} dataKey={`b${i}`} name={`${m} min–max`} stroke="none" fill={colourOf(m, names)} fillOpacity={0.15} isAnimationActive={false} />
        ))}
        {names.map((m, i) => (
          <Line key={`m${i}`} dataKey={`m${i}`} name={`${m} mean`} stroke={colourOf(m, names)} isAnimationActive={false} dot={{ r: 2 }} />
        ))}
        <Tooltip isAnimationActive={false} formatter={(v: unknown) => (Array.isArray(v) ? `${pct(Number(v[0]))} – ${pct(Number(v[1]))}` : pct(Number(v)))} labelFormatter={(l: unknown) => fractionLabel(Number(l))} />
      </ComposedChart>
      <SeriesLegend items={names.map((m) => ({ name: m, colour: colourOf(m, names) }))} />
      <table className="numbers" data-testid="repeats.table">
        <thead>
          <tr>
            <th>method</th>
            {summary.fractions.map((f) => (
              <th key={f}>{pct(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.methods.map((m) => (
            <tr key={m.method}>
              <th>{m.method}</th>
              {m.rounds.map((s, round) => (
                <td key={round} data-testid={`repeats.cell.${m.method}.${round}`}>
                  {s ? `${pct(s.mean)} ± ${pct(s.sd)}` : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
