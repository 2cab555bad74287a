/** The fusion view's numbers: copied against initial entries, and per output channel (drawn once opened). */
import { useState } from 'react';
import type { EntryStats, FusionMap } from './fusionMap.ts';

const num = (x: number | null): string => (x === null ? '–' : x.toPrecision(3));

function StatsRow({ name, s }: { name: string; s: EntryStats }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{s.count}</td>
      <td>{num(s.mean)}</td>
      <td>{num(s.max)}</td>
    </tr>
  );
}

export function FusionNumbers({ map }: { map: FusionMap }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <table className="numbers method-table" data-testid="fusion.stats">
        <caption>Kernel norms of {map.layer}</caption>
        <thead>
          <tr>
            <th scope="col">Entries</th>
            <th scope="col">Count</th>
            <th scope="col">Mean norm</th>
            <th scope="col">Largest</th>
          </tr>
        </thead>
        <tbody>
          <StatsRow name="copied" s={map.copiedStats} />
          <StatsRow name="initial" s={map.initialStats} />
        </tbody>
      </table>
      <details className="method-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Numbers: every output channel</summary>
        {open && (
          <div className="method-scroll">
            <table className="numbers method-table" data-testid="fusion.rows">
              <caption>Per output channel (row) of {map.layer}: kept or pruned, and the mean norm of its copied and initial entries</caption>
              <thead>
                <tr>
                  <th scope="col">Output channel</th>
                  <th scope="col">Kept</th>
                  <th scope="col">Copied: mean norm</th>
                  <th scope="col">Initial: mean norm</th>
                </tr>
              </thead>
              <tbody>
                {map.perRow.map((r) => (
                  <tr key={r.channel}>
                    <th scope="row">{r.channel}</th>
                    <td>{r.kept ? 'kept' : 'pruned'}</td>
                    <td>{num(r.copiedMean)}</td>
                    <td>{num(r.initialMean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </>
  );
}
