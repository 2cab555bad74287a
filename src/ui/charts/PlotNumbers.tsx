/**
 * A line plot's numbers as a table, folded under the plot: the chart's text alternative for screen readers
 * and for anyone who wants the values rather than the picture.
 */
import type { LinePlotProps } from './LinePlot.tsx';

export function PlotNumbers({ plot }: { plot: LinePlotProps }) {
  const { rows, series, x, value } = plot;
  const xKey = x.key ?? 'x';
  if (rows.length === 0) return null;
  const show = (v: number | undefined, format: ((v: number) => string) | undefined) => (v === undefined ? '–' : format ? format(v) : String(Number(v.toPrecision(4))));
  return (
    <details className="plot-numbers">
      <summary>Numbers</summary>
      <div className="table-scroll">
        <table className="numbers">
          <thead>
            <tr>
              <th scope="col">{x.title ?? xKey}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{x.format ? x.format(r[xKey] ?? 0) : r[xKey]}</th>
                {series.map((s) => (
                  <td key={s.key}>{show(r[s.key], s.format ?? value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
