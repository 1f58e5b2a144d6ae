import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TableHead } from './TableHead';

describe('TableHead', () => {
  it('heads each column, leaves out the falsy ones, and hides a label from sight only when asked', () => {
    render(
      <table>
        <TableHead columns={['Backer', { label: 'Amount', className: 'num' }, false, { label: 'Actions', hidden: true }]} />
      </table>,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Backer', 'Amount', 'Actions']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(headers[1]!.className).toBe('num');
    expect(headers[2]!.querySelector('.sr-only')?.textContent).toBe('Actions');
    expect(headers[0]!.querySelector('.sr-only')).toBeNull();
  });
});
