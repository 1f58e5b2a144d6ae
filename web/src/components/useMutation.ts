import { useCallback, useRef, useState, type FormEvent } from 'react';
import { fieldError as problemFor } from './apiErrors';

export interface Mutation<A extends unknown[], R> {
  /** The action is running: disable the submit button. */
  busy: boolean;
  /** What the last run threw (an ApiError, an Error), or null; show it with <ErrorBanner error={…} />. */
  error: unknown;
  /** Runs the action: clears the error, sets busy, keeps what it throws. Resolves to its result, or undefined when it threw. */
  run: (...args: A) => Promise<R | undefined>;
  /** A form's onSubmit: prevents the page load, then runs the action with no arguments. */
  submit: (e?: FormEvent) => void;
  /** The translated message for one field of the last error, or null once the person has edited that field. */
  fieldError: (field: string) => string | null;
  /** Props for a Field: its error, cleared when the person edits it. `<Field label="Title" {...save.field('title')} …/>` */
  field: (field: string) => { error: string | null; onEdit: () => void };
  /** Sets an error from the page's own checks (before calling the API), or clears it with null. */
  setError: (error: unknown) => void;
}

/**
 * One form action against the API, with its busy and error state and the per-field messages of a validation error.
 * Whatever the action does after the call (navigate, reload, reset the form) goes in the action too.
 * @example
 * const save = useMutation(async () => { const org = await api<Org>('POST', '/orgs', { name }); navigate(`/orgs/${org.slug}`); });
 * <form onSubmit={save.submit}>
 *   <ErrorBanner error={save.error} fields={['name']} />
 *   <Field label="Name" value={name} onChange={…} {...save.field('name')} />
 *   <button className="btn btn-primary" disabled={save.busy}>Create</button>
 * </form>
 */
export function useMutation<A extends unknown[], R>(action: (...args: A) => Promise<R>): Mutation<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setErrorState] = useState<unknown>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(action);
  latest.current = action;

  const setError = useCallback((next: unknown) => {
    setErrorState(next);
    setEdited(new Set());
  }, []);

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await latest.current(...args);
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [setError],
  );

  const submit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      void run(...([] as unknown as A));
    },
    [run],
  );

  const fieldError = (name: string) => (edited.has(name) ? null : problemFor(error, name));
  const field = (name: string) => ({
    error: fieldError(name),
    onEdit: () => {
      if (!edited.has(name) && problemFor(error, name)) setEdited((prev) => new Set(prev).add(name));
    },
  });

  return { busy, error, run, submit, fieldError, field, setError };
}
