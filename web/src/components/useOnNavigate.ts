import { useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Runs `effect` with the new path on the first render and after each navigation (a new path), before the pages' own
 * effects: to close a menu, scroll back to the top, reset the tab title.
 * @example useOnNavigate(() => setNavOpen(false))
 */
export function useOnNavigate(effect: (pathname: string) => void): void {
  const { pathname } = useLocation();
  const latest = useRef(effect);
  latest.current = effect;
  useLayoutEffect(() => latest.current(pathname), [pathname]);
}
