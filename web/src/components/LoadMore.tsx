import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Spinner } from './Spinner';

export interface LoadMoreProps {
  /** Whether there is a next page (nextCursor is not null). */
  hasMore: boolean;
  /** A page is being fetched: the button shows a spinner and is disabled. */
  loading?: boolean;
  onLoadMore: () => void;
  /** Button text; defaults to "Load more". */
  label?: string;
}

/**
 * The "Load more" button under a cursor-paginated list (renders nothing when there is no next page).
 * @example <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
 */
export function LoadMore({ hasMore, loading, onLoadMore, label }: LoadMoreProps) {
  const { t } = useTranslation('core');
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={onLoadMore} disabled={loading}>
        {loading && <Spinner />}
        {label ?? t('common.loadMore')}
      </button>
    </div>
  );
}

export interface PagedList<T> {
  items: T[];
  /** The first page is loading. */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  /** Starts again from the first page. */
  reload: () => Promise<void>;
  /** Changes the loaded items locally (add a created one, drop a deleted one). */
  setItems: (update: (items: T[]) => T[]) => void;
  /** The whole last answer (for extra fields such as `unread`). */
  last: Record<string, unknown> | null;
}

/**
 * Loads a `{items, nextCursor}` list a page at a time; null skips. The path may carry its own query (?q=…).
 * @example const list = usePagedList<Idea>(`/challenges/${id}/ideas?sort=top`); … <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
 */
export function usePagedList<T>(path: string | null, limit = 20): PagedList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<Record<string, unknown> | null>(null);
  const current = useRef(path);
  current.current = path;

  const url = useCallback(
    (after: string | null) => {
      const sep = path!.includes('?') ? '&' : '?';
      return `${path}${sep}limit=${limit}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`;
    },
    [path, limit],
  );

  const reload = useCallback(async () => {
    if (path === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const page = await api<{ items: T[]; nextCursor: string | null }>('GET', url(null));
      if (current.current !== path) return;
      setItemsState(page.items);
      setCursor(page.nextCursor);
      setLast(page as unknown as Record<string, unknown>);
    } catch (e) {
      if (current.current === path) setError(e);
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path, url]);

  useEffect(() => {
    setItemsState([]);
    setCursor(null);
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (!cursor || path === null) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api<{ items: T[]; nextCursor: string | null }>('GET', url(cursor));
      if (current.current !== path) return;
      setItemsState((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, path, url]);

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);
  return { items, loading, loadingMore, error, hasMore: cursor !== null, loadMore, reload, setItems, last };
}
