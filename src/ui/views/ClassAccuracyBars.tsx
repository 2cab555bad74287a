/** Per-class accuracy of a final model as a short list of bars: class, bar, percentage and counts. */
import type { ConfusionMatrix } from '../../core/experiment/confusion.ts';
import { pct } from '../format.ts';

export function ClassAccuracyBars({ matrix, classNames, label }: { matrix: ConfusionMatrix; classNames: readonly string[]; label: string }) {
  return (
    <ul className="dv-bars" aria-label={label} data-testid="outcome.accuracy">
      {matrix.accuracy.map((a, c) => (
        <li key={c} data-testid={`outcome.accuracy.${c}`}>
          <span className="dv-bar-name">{classNames[c]}</span>
          <span className="dv-bar-track" aria-hidden="true">
            <span className="dv-bar" style={{ width: `${100 * (a ?? 0)}%` }} />
          </span>
          <span className="dv-bar-value">{a === null ? 'no test images' : `${pct(a, 0)} (${matrix.correct[c]} of ${matrix.totals[c]})`}</span>
        </li>
      ))}
    </ul>
  );
}
