/**
 * The methods the charts draw: those of the run once it has started, else those the (run's) config will
 * produce (planMethods, the list the engine plans from). The same list keeps the same array, so series
 * never change identity for nothing.
 */
import { useMemo, useRef } from 'react';
import { planMethods, type MethodPlan } from '../../core/experiment/methods.ts';
import { useLab } from '../../store/labStore.ts';
import { useDeferredLab } from '../useDeferredLab.ts';

export function useMethodPlans(): readonly MethodPlan[] {
  const meta = useLab((s) => s.metrics.methods);
  const { methods, ratio } = useDeferredLab((s) => {
    const c = s.run.config ?? s.config;
    return { methods: c.methods, ratio: c.ratio };
  });
  const last = useRef<readonly MethodPlan[]>([]);
  return useMemo(() => {
    const next = meta.length > 0 ? meta : planMethods({ methods, ratio });
    const same = next.length === last.current.length && next.every((m, i) => m.method === last.current[i]!.method);
    if (!same) last.current = next;
    return last.current;
  }, [meta, methods, ratio]);
}

/** The labels of useMethodPlans(), with the same stability. */
export function useMethods(): readonly string[] {
  const plans = useMethodPlans();
  return useMemo(() => plans.map((m) => m.method), [plans]);
}
