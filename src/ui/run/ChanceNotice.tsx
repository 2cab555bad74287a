/** Says when the final accuracies on screen are too close to chance to rank methods by them. */
import { useMemo } from 'react';
import { finalAccuracy } from '../../core/experiment/events.ts';
import { useLab } from '../../store/labStore.ts';
import { nearChance } from '../../store/nearChance.ts';
import { pct } from '../format.ts';

export function ChanceNotice() {
  const results = useLab((s) => s.metrics.results);
  const verdict = useMemo(() => {
    if (!results || results.dataset.classes < 2) return null;
    const finals = results.methods.flatMap((m) => (m.rounds.length === results.fractions.length ? [{ method: m.method, accuracy: finalAccuracy(m.rounds.at(-1)!) }] : []));
    return finals.length > 0 ? nearChance(finals, results.dataset.classes, results.dataset.testSize) : null;
  }, [results]);
  if (!verdict || verdict.near.length === 0) return null;
  return (
    <p className="notice warn" data-testid="results.nearChance">
      Final accuracy of {verdict.near.join(', ')} is within three standard errors of chance ({pct(verdict.chance)} for {results!.dataset.classes} classes; up to{' '}
      {pct(verdict.threshold)} on {results!.dataset.testSize} test images): too close to guessing to rank methods by it. More epochs, a larger pool or an
      easier dataset (the Quick demo preset) give numbers that mean something.
    </p>
  );
}
