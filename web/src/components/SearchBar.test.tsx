import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SearchBar } from './SearchBar';

function Harness({ onSearch }: { onSearch: (q: string) => void }) {
  const [q, setQ] = useState('');
  return (
    <SearchBar
      id="q"
      label="Search projects"
      value={q}
      onChange={setQ}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q);
      }}
    >
      <button type="submit">Search</button>
    </SearchBar>
  );
}

describe('SearchBar', () => {
  it('is a search landmark whose field is named, and submits what was typed', async () => {
    const onSearch = vi.fn();
    const { container } = render(<Harness onSearch={onSearch} />);
    // <search> (role search in browsers; the test library's role table predates it)
    expect(container.querySelector('search > form')).not.toBeNull();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search projects' }), 'lamps{Enter}');
    expect(onSearch).toHaveBeenCalledWith('lamps');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledTimes(2);
  });
});
