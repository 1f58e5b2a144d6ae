// A function a higher module registers at start (src/modules/wiring.ts) so that a lower one can call it without
// importing it: the one place that holds it, and the one error when it was never registered.

/**
 * A slot for one registered function. Calling it before `register` is a wiring bug, not a user's error: it throws
 * `missing`.
 * @example const lookup = registeredFunction<OrgRoleLookup>('audit: the orgs module has not registered its role lookup')
 */
export function registeredFunction<F extends (...args: never[]) => unknown>(missing: string) {
  let registered: F | null = null;
  return {
    register(fn: F): void {
      registered = fn;
    },
    call(...args: Parameters<F>): ReturnType<F> {
      if (!registered) throw new Error(missing);
      return (registered as unknown as (...a: Parameters<F>) => ReturnType<F>)(...args);
    },
  };
}
