/**
 * The methods the charts draw: those of the run once it has started, else those the (run's) config will
 * produce. The same list keeps the same array, so series never change identity for nothing.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { methodNames } from '../../store/methodNames.ts';

export function useMethods(): readonly string[] {
  const { meta, methods, ratio } = useLab(
    useShallow((s) => {
      const c = s.run.config ?? s.config;
      return { meta: s.metrics.methods, methods: c.methods, ratio: c.ratio };
    }),
  );
  const last = useRef<string[]>([]);
  return useMemo(() => {
    const next = meta.length > 0 ? meta.map((m) => m.method) : methodNames({ methods, ratio });
    if (next.join('\n') !== last.current.join('\n')) last.current = next;
    return last.current;
  }, [meta, methods, ratio]);
}
