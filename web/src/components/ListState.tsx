import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';
import { LoadMore } from './LoadMore';
import { Loading } from './Spinner';

export interface ListStateProps<T> {
  /** A usePagedList answer, or any `{items, loading, error}` (e.g. from useApi). */
  list: {
    items: T[];
    loading: boolean;
    error: unknown;
    reload?: () => void;
    hasMore?: boolean;
    loadingMore?: boolean;
    loadMore?: () => void;
  };
  /** What an empty list shows: usually an <EmptyState />. */
  empty?: ReactNode;
  /** The items, when there are some. */
  children: (items: T[]) => ReactNode;
}

/**
 * The states of a list: loading, the error (with "Try again", above the items already loaded), empty, or its items,
 * then "Load more" when paged.
 * @example <ListState list={list} empty={<EmptyState title={t('empty')} />}>{(items) => <ul>…</ul>}</ListState>
 */
export function ListState<T>({ list, empty = null, children }: ListStateProps<T>) {
  if (list.loading) return <Loading />;
  // An error keeps the items already shown (a failed "Load more"); with none, it stands alone.
  return (
    <>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.items.length === 0 ? !list.error && empty : children(list.items)}
      {list.loadMore && <LoadMore hasMore={list.hasMore ?? false} loading={list.loadingMore} onLoadMore={list.loadMore} />}
    </>
  );
}
