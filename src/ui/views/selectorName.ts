/**
 * What selects on a track, in words, for the data views ('dense model', 'pruned model (p = 0.5)', 'small
 * proxy'), and the plain names of the methods a track selects for. Method and metric names are the page's
 * (ui/names.ts).
 */
import type { MethodPlan } from '../../core/experiment/methods.ts';
import { methodName } from '../names.ts';

export function selectorName(track: string, plans: readonly Pick<MethodPlan, 'track' | 'base' | 'ratio'>[]): string {
  const plan = plans.find((p) => p.track === track);
  if (!plan) return track;
  if (plan.base === 'al') return 'dense model';
  if (plan.base === 'svp') return 'small proxy';
  return plan.ratio === undefined ? 'pruned model' : `pruned model (p = ${plan.ratio})`;
}

/** The plain names of the methods that track `track` selects for, joined. */
export const methodsOnTrack = (track: string, plans: readonly Pick<MethodPlan, 'track' | 'base' | 'ratio'>[]): string =>
  plans.filter((p) => p.track === track).map(methodName).join('; ');
