/**
 * How often each smaller selector picks what the dense model (active learning) picks: per round, the
 * share of AL's picks that the other track also picked, |A ∩ B| / |B|. Says instead of a number when the
 * run has no AL track or nothing to compare it with, and names methods that share one selector.
 */
import type { RunResults } from '../../core/experiment/events.ts';
import { compareWithAl, sharedSelectors } from '../../core/experiment/selectionOverlap.ts';
import { pct } from '../format.ts';
import { methodsOnTrack, selectorName } from './selectorName.ts';
import { ScrollTable } from './ScrollTable.tsx';

export function SelectionOverlap({ results }: { results: RunResults }) {
  const plans = results.methods;
  const namesOn = (track: string) => methodsOnTrack(track, plans);
  const comparison = compareWithAl(results);
  const sharedNote = sharedSelectors(plans).map(({ track }) => (
    <p key={track} className="muted" data-testid={`selection.shared.${track}`}>
      {namesOn(track)} share one selector (the {selectorName(track, plans)}, track <code>{track}</code>): they label the same images, so one overlap stands for all of them.
    </p>
  ));
  if (comparison.kind === 'no-al') {
    return (
      <>
        {sharedNote}
        <p className="notice warn" data-testid="selection.overlap.none">
          This run has no active-learning track (methods: {plans.map((p) => p.method).join(', ')}), so there are no dense-model picks to compare with. Add <code>al</code> to the methods to see how often a smaller selector picks what the dense model would.
        </p>
      </>
    );
  }
  if (comparison.kind === 'al-only') {
    return (
      <p className="notice warn" data-testid="selection.overlap.none">
        Only active learning selected in this run: there is no other selector to compare its picks with.
      </p>
    );
  }
  const caption = 'Share of the dense model’s picks that each other selector also picked, per round';
  return (
    <>
      {sharedNote}
      {comparison.rounds.length === 0 ? (
        <p className="muted" data-testid="selection.overlap.none">
          Active learning has not selected yet: the first selection comes after round 1’s training.
        </p>
      ) : (
        <ScrollTable caption={caption} testId="selection.overlap">
            <thead>
              <tr>
                <th scope="col">Chosen after</th>
                {comparison.tracks.map(({ track }) => (
                  <th key={track} scope="col">
                    {selectorName(track, plans)}
                    <span className="key"> {namesOn(track)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.rounds.map((round) => (
                <tr key={round}>
                  <th scope="row">Round {round + 1}</th>
                  {comparison.tracks.map(({ track, overlap }) => {
                    const o = overlap.get(round);
                    return (
                      <td key={track} data-testid={`selection.overlap.${track}.${round}`}>
                        {o ? `${pct(o.fraction, 0)} (${o.shared} of ${o.reference})` : 'not selected yet'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
        </ScrollTable>
      )}
      <p className="hint">
        From round 2 on the tracks’ labelled sets differ, so they choose from different pools; a high share there means they keep agreeing on which images are worth labelling.
        {results.config.metric === 'random' && ' With random selection the overlap counts shared random draws, not agreement.'}
      </p>
    </>
  );
}
