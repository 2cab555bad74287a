/**
 * What the browser says about memory: navigator.deviceMemory (GB, rounded, capped at 8 by Chrome) and
 * performance.measureUserAgentSpecificMemory() (this page and its workers, in bytes; needs cross-origin
 * isolation, answers at the next garbage collection, so it can take seconds). Measured at start and
 * after each run; where a browser has neither, the lab says so.
 */
import { labActions, useLab } from '../store/labStore.ts';
import { isActive } from '../store/types.ts';

export function deviceMemoryGb(): number | undefined {
  const d = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof d === 'number' && d > 0 ? d : undefined;
}

type MeasureMemory = () => Promise<{ bytes: number }>;

async function measure(): Promise<void> {
  const fn = (performance as Performance & { measureUserAgentSpecificMemory?: MeasureMemory }).measureUserAgentSpecificMemory;
  if (!fn || !globalThis.crossOriginIsolated) return;
  try {
    const { bytes } = await fn.call(performance);
    labActions().setMeasuredMemory(bytes);
  } catch {
    /* not allowed here (not isolated, or in a frame): nothing to show */
  }
}

/** Measures now and after every run; returns the unsubscribe. */
export function startMemoryWatch(): () => void {
  void measure();
  return useLab.subscribe((state, previous) => {
    if (isActive(previous.run.status) && !isActive(state.run.status)) void measure();
  });
}
