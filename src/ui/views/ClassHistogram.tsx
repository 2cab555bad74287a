/**
 * The classes of one track's labelled set, round by round (the initial random set, then each round's
 * selection added): a table of counts, each cell shaded by its share of the row's largest class, so a
 * selector that favours some classes shows as a dark column.
 */
import { labelCounts } from '../../core/data/classCounts.ts';
import type { LabelledSet } from '../../core/experiment/labelledSets.ts';
import { shade } from './shade.ts';
import { ScrollTable } from './ScrollTable.tsx';

export interface HistogramProps {
  sets: readonly LabelledSet[];
  labels: ReadonlyMap<number, number>;
  classNames: readonly string[];
  caption: string;
}

export function ClassHistogram({ sets, labels, classNames, caption }: HistogramProps) {
  const rows = sets.map((set) => ({ set, counts: labelCounts(set.images.map((i) => labels.get(i) ?? -1), classNames.length) }));
  return (
    <ScrollTable caption={caption} testId="selection.histogram">
        <thead>
          <tr>
            <th scope="col">Labelled for</th>
            <th scope="col">Images</th>
            {classNames.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ set, counts }) => {
            const most = Math.max(1, ...counts);
            return (
              <tr key={set.round} data-testid={`selection.histogram.round.${set.round}`}>
                <th scope="row">
                  Round {set.round + 1}
                  <span className="key">{set.round === 0 ? ' initial random set' : ` +${set.added} selected`}</span>
                </th>
                <td data-testid="selection.histogram.size">{set.images.length}</td>
                {counts.map((n, c) => {
                  const s = shade(n / most);
                  return (
                    <td key={c} style={{ background: s.background, color: s.color }} data-testid="selection.histogram.count">
                      {n}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
    </ScrollTable>
  );
}
