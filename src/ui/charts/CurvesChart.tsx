/**
 * (4) Target training curves at each labelling budget: fused + KD (PruneFuse), fused without KD, and
 * from scratch (the ablation, SVP's target, and AL's own model), test accuracy per epoch. One small
 * chart per round, mounted from the config's schedule before the run so none mounts while it goes.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { labelFractions } from '../../core/experiment/labelSchedule.ts';
import { useLab } from '../../store/labStore.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { useMethodPlans } from './useMethods.ts';
import type { MethodPlan } from '../../core/experiment/methods.ts';
import { pct } from '../format.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf, startOf } from './colors.ts';
import { curveGroups, seriesKey, type CurveGroup } from './data.ts';
import { ACCURACY_AXIS, pctValue } from './format.ts';
import { LinePlot, type LinePlotProps } from './LinePlot.tsx';

const MAX_MINIS = 12;

/** Dashes tell the starts apart: solid for fused + KD (and al's own model), dotted fused, dashed from scratch. */
const dash = (plan: MethodPlan | undefined): string | undefined =>
  plan?.start === 'scratch' ? '5 3' : plan?.start === 'fused' && !plan.kd ? '2 2' : undefined;

function RoundCurves({ round, fraction, group, plans }: { round: number; fraction: number; group: CurveGroup | undefined; plans: readonly MethodPlan[] }) {
  const plot = useMemo<LinePlotProps>(() => {
    const all = plans.map((p) => p.method);
    return {
    rows: group?.rows ?? [],
    series: (group?.methods ?? []).map((m, i) => ({ key: seriesKey(i), name: m, colour: colourOf(m, all), dash: dash(plans.find((p) => p.method === m)) })),
    x: { key: 'epoch', title: 'epoch', domain: [1, Math.max(2, group?.rows.length ?? 1)] },
    y: ACCURACY_AXIS,
    height: 160,
    value: pctValue,
    };
  }, [group, plans]);
  return (
    <figure className="mini" data-testid={`chart.curves.round.${round}`} data-points={group?.points ?? 0}>
      <figcaption>
        round {round + 1}: {group ? `${group.labeled} labelled (${pct(group.fraction)})` : `${pct(fraction)} labelled`}
      </figcaption>
      <LinePlot plot={plot} />
    </figure>
  );
}

export function CurvesChart() {
  const { curves, fractions } = useLab(useShallow((s) => ({ curves: s.metrics.curves, fractions: s.metrics.fractions })));
  const { schedule, budget } = useDeferredLab((s) => ({ schedule: (s.run.config ?? s.config).schedule, budget: (s.run.config ?? s.config).budget }));
  const plans = useMethodPlans();
  const methods = useMemo(() => plans.map((p) => p.method), [plans]);
  // Keep a round's group object while its curves are unchanged, so only the round that changed redraws.
  const kept = useRef(new Map<number, { signature: string; group: CurveGroup }>());
  const groups = useMemo(() => {
    const next = curveGroups(curves, methods).map((group) => {
      const signature = `${group.methods.join(',')}|${group.points}`;
      const old = kept.current.get(group.round);
      return old && old.signature === signature ? old.group : group;
    });
    kept.current = new Map(next.map((group) => [group.round, { signature: `${group.methods.join(',')}|${group.points}`, group }]));
    return next;
  }, [curves, methods]);
  const slots = useMemo(() => {
    if (fractions.length > 0) return fractions.slice(0, MAX_MINIS);
    try {
      return labelFractions(schedule, budget).slice(0, MAX_MINIS);
    } catch {
      return [];
    }
  }, [fractions, schedule, budget]);
  const legend = useMemo(() => plans.map((p) => ({ name: `${p.method} (${startOf(p)})`, colour: colourOf(p.method, methods), dash: dash(p) })), [plans, methods]);
  const points = groups.reduce((n, g) => n + g.points, 0);
  return (
    <ChartCard id="chart.curves" title="Target training: fused vs non-fused vs from scratch" hint="test accuracy per epoch of each target, at every budget" points={points} wide>
      <SeriesLegend items={legend} />
      <div className="minis">
        {slots.map((f, round) => (
          <RoundCurves key={round} round={round} fraction={f} group={groups.find((g) => g.round === round)} plans={plans} />
        ))}
      </div>
    </ChartCard>
  );
}
