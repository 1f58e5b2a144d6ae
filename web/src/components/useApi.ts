import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change). */
  reload: () => Promise<void>;
  /** Replaces the data locally (optimistic update). */
  setData: (next: T | ((prev: T | undefined) => T)) => void;
}

/**
 * GETs a path and keeps its answer, error and loading state; null skips the call. Reloads when the path changes.
 * @example const { data: project, error, loading, reload } = useApi<Project>(`/projects/${slug}`)
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const current = useRef(path);
  current.current = path;
  const load = useCallback(async () => {
    if (path === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const answer = await api<T>('GET', path);
      if (current.current === path) setDataState(answer);
    } catch (e) {
      if (current.current === path) setError(e);
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    setDataState(undefined);
    void load();
  }, [load]);
  const setData = useCallback((next: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) => (typeof next === 'function' ? (next as (p: T | undefined) => T)(prev) : next));
  }, []);
  return { data, error, loading, reload: load, setData };
}
