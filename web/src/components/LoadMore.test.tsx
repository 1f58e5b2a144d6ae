import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoadMore, usePagedList } from './LoadMore';

/** A fetch stub answering GETs from a table of pages keyed by URL. */
function stubPages(pages: Record<string, { items: string[]; nextCursor: string | null }>) {
  const fetch = vi.fn(async (url: string) => {
    const page = pages[url];
    if (!page) return new Response(JSON.stringify({ error: { code: 'not_found', message: `no page ${url}` } }), { status: 404 });
    return new Response(JSON.stringify(page), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function Paged({ path }: { path: string }) {
  const list = usePagedList<string>(path, 2);
  if (list.loading) return <p>loading</p>;
  return (
    <>
      <ul>
        {list.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}

describe('LoadMore', () => {
  it('renders nothing without a next page', () => {
    const { container } = render(<LoadMore hasMore={false} onLoadMore={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('is disabled with a spinner while a page loads', () => {
    render(<LoadMore hasMore loading onLoadMore={() => {}} label="More ideas" />);
    const button = screen.getByRole('button', { name: /More ideas/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status')).toBeTruthy();
  });
});

describe('usePagedList', () => {
  it('fetches the next page with the cursor and appends it, then stops', async () => {
    const fetch = stubPages({
      '/api/v1/ideas?limit=2': { items: ['a', 'b'], nextCursor: 'c1' },
      '/api/v1/ideas?limit=2&cursor=c1': { items: ['c'], nextCursor: null },
    });
    render(<Paged path="/ideas" />);
    await screen.findByText('b');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('c');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b', 'c']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the query the path already has', async () => {
    const fetch = stubPages({ '/api/v1/ideas?sort=top&limit=2': { items: ['x'], nextCursor: null } });
    render(<Paged path="/ideas?sort=top" />);
    await screen.findByText('x');
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/ideas?sort=top&limit=2');
  });
});
