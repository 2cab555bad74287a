/**
 * A store selection for parts of the page that follow the settings but are not the control being used
 * (presets, the teacher's link, estimates, charts): it changes in a transition, so React renders those parts
 * in short slices after the keystroke or slider step has been drawn, not inside its event's task. The
 * selection is compared shallowly, as with useShallow, before anything is scheduled (the store changes every
 * frame during a run); the selector reads the store only (no props).
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useLab, type LabState } from '../store/labStore.ts';

export function useDeferredLab<T>(selector: (s: LabState) => T): T {
  const latest = useRef(selector);
  latest.current = selector;
  const [value, setValue] = useState(() => selector(useLab.getState()));
  const shown = useRef(value);
  useEffect(() => {
    const update = () => {
      const next = latest.current(useLab.getState());
      if (shallow(shown.current, next)) return;
      shown.current = next;
      startTransition(() => setValue(next));
    };
    update();
    return useLab.subscribe(update);
  }, []);
  return value;
}
