/**
 * True once the pointer (or keyboard focus) has reached an element. A chart mounts its tooltip only then:
 * recharts' tooltip re-renders with every redraw, a large share of a redraw's cost, and until somebody
 * points at the chart nothing shows it.
 */
import { useMemo, useState } from 'react';

export function useWhenPointed(): [boolean, { onPointerEnter: () => void; onFocus: () => void }] {
  const [pointed, setPointed] = useState(false);
  const handlers = useMemo(() => ({ onPointerEnter: () => setPointed(true), onFocus: () => setPointed(true) }), []);
  return [pointed, handlers];
}
