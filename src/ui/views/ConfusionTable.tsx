/**
 * A confusion matrix as a table: rows are the true classes, columns the predicted ones, each cell shaded
 * by its share of its row (so the diagonal is dark for a good model), with the row's total and, where the
 * dataset is in this browser, the run's test images of that class drawn from the dataset itself.
 */
import type { ConfusionMatrix } from '../../core/experiment/confusion.ts';
import { shade } from './shade.ts';
import { ScrollTable } from './ScrollTable.tsx';

export interface ConfusionProps {
  matrix: ConfusionMatrix;
  classNames: readonly string[];
  /** The test set's images per class (from the dataset and the run's seed), or null. */
  testCounts: readonly number[] | null;
  caption: string;
}

export function ConfusionTable({ matrix, classNames, testCounts, caption }: ConfusionProps) {
  return (
    <ScrollTable caption={caption} className="dv-confusion" testId="outcome.confusion">
        <thead>
          <tr>
            <th scope="col">True class \ predicted</th>
            {classNames.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
            <th scope="col">Total</th>
            {testCounts && <th scope="col">Test images</th>}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, t) => (
            <tr key={t} data-testid={`outcome.row.${t}`}>
              <th scope="row">{classNames[t]}</th>
              {row.map((n, p) => {
                const s = shade(matrix.totals[t]! > 0 ? n / matrix.totals[t]! : 0);
                return (
                  <td key={p} style={{ background: s.background, color: s.color }} className={p === t ? 'dv-diagonal' : undefined}>
                    {n}
                  </td>
                );
              })}
              <td data-testid={`outcome.total.${t}`}>{matrix.totals[t]}</td>
              {testCounts && <td data-testid={`outcome.testCount.${t}`}>{testCounts[t] ?? '–'}</td>}
            </tr>
          ))}
        </tbody>
    </ScrollTable>
  );
}
