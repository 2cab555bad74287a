/**
 * Keeps keyboard focus in the run controls when the button that has it goes disabled (Start once a run
 * starts, Cancel once it stops): the browser would drop focus to the body, and a keyboard user would
 * start again from the top of the page. Focus moves to the first enabled of `fallbacks` instead.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export function useKeepFocus(container: RefObject<HTMLElement | null>, fallbacks: () => ReadonlyArray<HTMLElement | null>, when: unknown): void {
  /** The control in `container` that last had focus. */
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent) => void (last.current = e.target instanceof HTMLElement ? e.target : null);
    el.addEventListener('focusin', onFocusIn);
    return () => el.removeEventListener('focusin', onFocusIn);
  }, [container]);
  useLayoutEffect(() => {
    const had = last.current;
    if (!had || !(had as HTMLButtonElement).disabled) return;
    const now = document.activeElement;
    if (now !== null && now !== document.body && now !== had) return;
    const next = fallbacks().find((f) => f !== null && !(f as HTMLButtonElement).disabled && f.isConnected);
    next?.focus();
    // `fallbacks` is read when `when` changes, not a dependency of its own.
  }, [when]);
}
