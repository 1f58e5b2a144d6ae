import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

const items = [
  { key: 'top', label: 'Top' },
  { key: 'new', label: 'New', count: 4 },
  { key: 'old', label: 'Old' },
];

function Harness() {
  const [active, setActive] = useState('top');
  return (
    <Tabs label="Views" items={items} active={active} onChange={setActive}>
      <p>panel {active}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('marks the selected tab and ties the panel to it', () => {
    render(<Harness />);
    const top = screen.getByRole('tab', { name: 'Top' });
    expect(top.getAttribute('aria-selected')).toBe('true');
    expect(top.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: /New/ }).tabIndex).toBe(-1);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(top.id);
    expect(top.getAttribute('aria-controls')).toBe(panel.id);
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Views');
  });

  it('selects a tab on click and shows its count', async () => {
    render(<Harness />);
    const tab = screen.getByRole('tab', { name: /New/ });
    expect(tab.textContent).toBe('New4');
    await userEvent.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('panel new');
  });

  it('moves focus with the arrow keys (wrapping), Home and End', async () => {
    render(<Harness />);
    const [top, neu, old] = screen.getAllByRole('tab');
    top!.focus();
    const steps: [string, HTMLElement | undefined][] = [
      ['{ArrowRight}', neu],
      ['{ArrowRight}', old],
      ['{ArrowRight}', top],
      ['{ArrowLeft}', old],
      ['{Home}', top],
      ['{End}', old],
    ];
    for (const [key, focused] of steps) {
      await userEvent.keyboard(key);
      expect(document.activeElement, key).toBe(focused);
    }
    await userEvent.keyboard('{Enter}');
    expect(old!.getAttribute('aria-selected')).toBe('true');
  });

  it('renders links when the items have an href', () => {
    render(
      <MemoryRouter>
        <Tabs label="Project" items={items.map((i) => ({ ...i, href: `/p/x/${i.key}` }))} active="old" />
      </MemoryRouter>,
    );
    const old = screen.getByRole('tab', { name: 'Old' });
    expect(old.tagName).toBe('A');
    expect(old.getAttribute('href')).toBe('/p/x/old');
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });
});
