import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ListState } from './ListState';

const base = { items: [] as string[], loading: false, error: null as unknown };
const show = (items: string[]) => (
  <ul>
    {items.map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

describe('ListState', () => {
  it('shows only a loading state while the first page loads', () => {
    render(<ListState list={{ ...base, items: ['a'], loading: true }}>{show}</ListState>);
    expect(screen.getByRole('status').textContent).toContain('Loading');
    expect(screen.queryByText('a')).toBeNull();
  });

  it('shows the error with a retry that reloads', async () => {
    const reload = vi.fn();
    render(<ListState list={{ ...base, error: new Error('boom'), reload }}>{show}</ListState>);
    expect(screen.getByRole('alert').textContent).toContain('boom');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('keeps the items already shown above which a failed page reports its error', () => {
    render(
      <ListState list={{ ...base, items: ['a'], error: new Error('page 2 failed') }} empty={<p>Nothing here</p>}>
        {show}
      </ListState>,
    );
    expect(screen.getByRole('alert').textContent).toContain('page 2 failed');
    expect(screen.getByText('a')).toBeTruthy();
    expect(screen.queryByText('Nothing here')).toBeNull();
  });

  it('shows the empty state for an empty list, and the items otherwise', () => {
    const { rerender } = render(
      <ListState list={base} empty={<p>Nothing here</p>}>
        {show}
      </ListState>,
    );
    expect(screen.getByText('Nothing here')).toBeTruthy();
    rerender(
      <ListState list={{ ...base, items: ['one', 'two'] }} empty={<p>Nothing here</p>}>
        {show}
      </ListState>,
    );
    expect(screen.queryByText('Nothing here')).toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['one', 'two']);
  });

  it('offers "Load more" only when a paged list has a next page', async () => {
    const loadMore = vi.fn();
    const { rerender } = render(<ListState list={{ ...base, items: ['a'], hasMore: true, loadMore }}>{show}</ListState>);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(loadMore).toHaveBeenCalledOnce();
    rerender(<ListState list={{ ...base, items: ['a'], hasMore: false, loadMore }}>{show}</ListState>);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
