/**
 * What the charts show when it is not a run of this page: a saved run, an imported file or shared results,
 * with Reproduce; and the verdict of a reproduction once it ends.
 */
import { useShallow } from 'zustand/react/shallow';
import { reproduce } from '../../services/reproduce.ts';
import { useLab } from '../../store/labStore.ts';
import { pct } from '../format.ts';
import { ExampleProvenance } from '../examples/ExampleProvenance.tsx';

const ORIGIN_TEXT = { history: 'a saved run', imported: 'an imported results file', shared: 'shared results', example: 'a recorded example' } as const;

export function ViewBanner() {
  const { origin, title, reproduction, status, example, firstOfSeveral } = useLab(useShallow((s) => ({
    origin: s.run.origin, title: s.run.title, reproduction: s.reproduction, status: s.run.status, example: s.examples.open,
    // An example of several runs shows them all, and Reproduce reruns the first: it says so.
    firstOfSeveral: s.run.origin === 'example' && s.comparison.length > 1 ? s.comparison[0]!.name : null,
  })));
  const verdict = reproduction?.verdict;
  return (
    <>
      {origin !== 'live' && (
        <div className="notice warn view-banner" role="status" data-testid="view.banner" data-origin={origin}>
          <span>
            Showing {ORIGIN_TEXT[origin]}: <strong>{title}</strong> ({status}), without running.
            {origin === 'example' && example && <ExampleProvenance example={example} />}
          </span>
          <button type="button" className="small" data-testid="view.reproduce" onClick={() => void reproduce()}>
            {firstOfSeveral === null ? 'Reproduce' : `Reproduce the first run (${firstOfSeveral})`}
          </button>
        </div>
      )}
      {verdict && (
        <div className={`notice ${verdict.identical ? 'ok' : 'warn'}`} role="status" data-testid="view.verdict" data-identical={verdict.identical}>
          Reproduction of “{reproduction.title}”:{' '}
          {verdict.identical
            ? 'identical, bit for bit (every accuracy and every selection).'
            : `${verdict.sameBackend ? 'differs on the same backend' : 'another backend'}; largest accuracy difference per method: ${verdict.differences.map((d) => `${d.method} ${Number.isFinite(d.largest) ? pct(d.largest, 2) : 'missing'}`).join(', ')}.`}
        </div>
      )}
    </>
  );
}
