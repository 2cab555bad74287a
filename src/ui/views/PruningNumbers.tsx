/** The pruning view's numbers: every group's channel scores and kept channels, as a table drawn once opened. */
import { useState } from 'react';
import type { PruningGroup } from '../../core/prune/prune.ts';

export function PruningNumbers({ groups }: { groups: readonly PruningGroup[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="method-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Numbers: every channel's score</summary>
      {open && (
        <div className="method-scroll">
          <table className="numbers method-table" data-testid="pruning.table">
            <caption>L2 score at initialisation of every channel, per group, and the channels kept</caption>
            <thead>
              <tr>
                <th scope="col">Layers</th>
                <th scope="col">Kept</th>
                <th scope="col">Kept channels</th>
                <th scope="col">Scores (channel 0, 1, …)</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.members[0]}>
                  <th scope="row">{g.members.join(', ')}</th>
                  <td>
                    {g.kept.length} / {g.scores.length}
                  </td>
                  <td>{g.kept.join(', ')}</td>
                  <td>{g.scores.map((s) => s.toFixed(3)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
