/**
 * How each method's final model does per class: accuracy per class and the confusion matrix on the test
 * set, from the last finished round (during a live run, the latest one). Class names come from the
 * dataset; where this browser has it, the test set's class counts are drawn again from the run's seed, so
 * the matrix's row totals can be checked against the images it was measured on.
 */
import { useMemo, useState } from 'react';
import { readConfusion } from '../../core/experiment/confusion.ts';
import { finalAccuracy, type RunResults } from '../../core/experiment/events.ts';
import { useLab } from '../../store/labStore.ts';
import { count, pct } from '../format.ts';
import { ClassAccuracyBars } from './ClassAccuracyBars.tsx';
import { ConfusionTable } from './ConfusionTable.tsx';
import { DatasetNote } from './DatasetNote.tsx';
import { methodName } from '../names.ts';
import { useDatasetLookup, useTestSet } from './useDatasetImages.ts';

export function OutcomeView() {
  const results = useLab((s) => s.metrics.results);
  if (!results) return <p className="muted" data-testid="outcome.empty">No run yet: start one, or open a saved, shared or example run, to see how each final model does per class.</p>;
  return <OutcomeOfRun results={results} />;
}

function OutcomeOfRun({ results }: { results: RunResults }) {
  const withMatrix = results.methods.filter((m) => m.rounds.some((r) => r.confusion));
  const [picked, setPicked] = useState<string | null>(null);
  const method = withMatrix.find((m) => m.method === picked) ?? withMatrix[0];
  const lookup = useDatasetLookup(results.dataset.id);
  const facts = lookup.state === 'ready' && lookup.value.available ? lookup.value.facts : null;
  const { seed, pool, test } = results.config;
  const testSet = useTestSet(facts ? results.dataset.id : null, seed, { pool, test });
  const round = method?.rounds.filter((r) => r.confusion).at(-1);
  const matrix = useMemo(() => (round?.confusion ? readConfusion(round.confusion) : null), [round]);
  const classNames = facts?.classes ?? Array.from({ length: results.dataset.classes }, (_, c) => `class ${c}`);
  const testCounts = testSet.state === 'ready' ? testSet.value.classCounts : null;
  const mismatch = matrix && testCounts && matrix.totals.some((n, c) => n !== testCounts[c]);
  const name = method ? methodName(method) : '';
  const rounds = results.fractions.length;

  return (
    <div className="dv" data-testid="outcome">
      <h2 id="dv-outcome">Final model per class</h2>
      <DatasetNote lookup={lookup} name={results.dataset.name} what="classes are numbered instead of named" />
      {withMatrix.length === 0 || !method || !round || !matrix ? (
        <p className="muted" data-testid="outcome.none">
          No confusion matrix yet: each method records one when it finishes a round{results.complete ? ' (runs saved before the lab recorded them have none)' : ''}.
        </p>
      ) : (
        <>
          <div className="dv-pickers">
            <label>
              Method{' '}
              <select value={method.method} onChange={(e) => setPicked(e.target.value)} data-testid="outcome.method">
                {withMatrix.map((m) => (
                  <option key={m.method} value={m.method}>
                    {methodName(m)} ({m.method})
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="hint" data-testid="outcome.round">
            {name} <span className="key">({method.method})</span>: the {method.start === null ? 'dense selector, which is the final model' : 'dense target'} after round {round.round + 1} of {rounds} ({count(round.labeled)} labelled
            images, {pct(round.fraction)} of the pool), {pct(finalAccuracy(round))} of {count(results.dataset.testSize)} test images right
            {round.round + 1 < rounds || !results.complete ? '; the run has not finished, so this is its latest finished round' : ''}.
          </p>
          <h2 id="dv-class-accuracy">Accuracy per class</h2>
          <ClassAccuracyBars matrix={matrix} classNames={classNames} label={`Accuracy per class of ${name}`} />
          <h2 id="dv-confusion">Confusion matrix</h2>
          <p className="hint">Rows: the true class; columns: the class the model predicted. A cell’s shade is its share of its row, so a good model has a dark diagonal.</p>
          {mismatch && (
            <p className="notice warn" data-testid="outcome.mismatch">
              The matrix’s row totals differ from the test set drawn from this browser’s copy of {results.dataset.name}: the dataset may have changed since the run.
            </p>
          )}
          <ConfusionTable matrix={matrix} classNames={classNames} testCounts={testCounts} caption={`Confusion matrix of ${name} on the test set (rows: true class, columns: predicted class)`} />
        </>
      )}
    </div>
  );
}
