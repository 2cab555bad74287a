/**
 * How often each smaller selector picks what the dense model (active learning) picks: per round, the
 * share of AL's picks that the other track also picked, |A ∩ B| / |B|. Says instead of a number when the
 * run has no AL track or nothing to compare it with, and names methods that share one selector.
 */
import type { MethodPlan } from '../../core/experiment/methods.ts';
import type { RunResults } from '../../core/experiment/events.ts';
import { selectionOverlap } from '../../core/experiment/selectionOverlap.ts';
import { pct } from '../format.ts';
import { hasSeveralRatios, methodName, selectorName } from './names.ts';

export function SelectionOverlap({ results, plans }: { results: RunResults; plans: readonly MethodPlan[] }) {
  const several = hasSeveralRatios(plans);
  const alTrack = plans.find((p) => p.base === 'al')?.track;
  const reference = results.tracks.find((t) => t.id === alTrack);
  const others = results.tracks.filter((t) => t.id !== alTrack);
  const methodsOf = (track: string) => plans.filter((p) => p.track === track);
  const shared = results.tracks.filter((t) => methodsOf(t.id).length > 1);
  const sharedNote = shared.map((t) => (
    <p key={t.id} className="muted" data-testid={`selection.shared.${t.id}`}>
      {methodsOf(t.id).map((p) => methodName(p, several)).join(', ')} share one selector (the {selectorName(t.id, plans)}, track <code>{t.id}</code>): they label the same
      images, so one overlap stands for all of them.
    </p>
  ));
  if (!reference) {
    return (
      <p className="notice warn" data-testid="selection.overlap.none">
        This run has no active-learning track (methods: {plans.map((p) => p.method).join(', ')}), so there are no dense-model picks to compare with. Add <code>al</code> to the methods to see how often a smaller selector picks what the dense model would.
      </p>
    );
  }
  if (others.length === 0) {
    return (
      <p className="notice warn" data-testid="selection.overlap.none">
        Only active learning selected in this run: there is no other selector to compare its picks with.
      </p>
    );
  }
  const columns = others.map((t) => ({ track: t, rows: new Map(selectionOverlap(t.selections, reference.selections).map((o) => [o.round, o])) }));
  const rounds = reference.selections.map((s) => s.round).sort((a, b) => a - b);
  const caption = 'Share of the dense model’s picks that each other selector also picked, per round';
  return (
    <>
      {sharedNote}
      {rounds.length === 0 ? (
        <p className="muted" data-testid="selection.overlap.none">
          Active learning has not selected yet: the first selection comes after round 1’s training.
        </p>
      ) : (
        <div className="dv-scroll" tabIndex={0} role="group" aria-label={`${caption} (scrolls sideways)`}>
          <table className="dv-table" data-testid="selection.overlap">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Chosen after</th>
                {columns.map(({ track }) => (
                  <th key={track.id} scope="col">
                    {selectorName(track.id, plans)}
                    <span className="key"> {methodsOf(track.id).map((p) => methodName(p, several)).join(', ')}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round}>
                  <th scope="row">Round {round + 1}</th>
                  {columns.map(({ track, rows }) => {
                    const o = rows.get(round);
                    return (
                      <td key={track.id} data-testid={`selection.overlap.${track.id}.${round}`}>
                        {o ? `${pct(o.fraction, 0)} (${o.shared} of ${o.reference})` : 'not selected yet'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        From round 2 on the tracks’ labelled sets differ, so they choose from different pools; a high share there means they keep agreeing on which images are worth labelling.
        {results.config.metric === 'random' && ' With random selection the overlap counts shared random draws, not agreement.'}
      </p>
    </>
  );
}
