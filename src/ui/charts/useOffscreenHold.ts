/**
 * Holds a chart's redraws while it is scrolled out of view during a run (useStaggered's `hold`): nobody sees
 * those redraws, and each costs the page's main thread 10-30 ms on a 2-core machine whose cores train. The
 * chart catches up as it comes within IN_VIEW_MARGIN of the screen, and when the run ends (so a finished
 * run's charts and their tables are all current). Give the returned ref to the chart's element.
 */
import { useCallback, useRef, useState } from 'react';
import { isActive } from '../../store/types.ts';
import { useLab } from '../../store/labStore.ts';

const IN_VIEW_MARGIN = '200px';

/**
 * On screen or near it; true until the observer first says otherwise, and where there is none. React calls
 * the ref with null when the element goes, which disconnects the observer.
 */
function useInView(): [boolean, (element: Element | null) => void] {
  const [inView, setInView] = useState(true);
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((element: Element | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    observer.current = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    }, { rootMargin: IN_VIEW_MARGIN });
    observer.current.observe(element);
  }, []);
  return [inView, ref];
}

export function useOffscreenHold(): [boolean, (element: Element | null) => void] {
  const [inView, ref] = useInView();
  const running = useLab((s) => isActive(s.run.status));
  return [running && !inView, ref];
}
