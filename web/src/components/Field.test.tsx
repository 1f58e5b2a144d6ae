import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bindValue } from './bindValue';
import { EmptyState } from './EmptyState';
import { Field } from './Field';

describe('Field', () => {
  it('labels its input and describes it with the hint and the error', () => {
    render(<Field label="Title" hint="Short and clear" error="Too short" required defaultValue="x" />);
    const input = screen.getByLabelText(/Title/);
    expect(input.tagName).toBe('INPUT');
    expect((input as HTMLInputElement).required).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Short and clear', 'Too short']);
    expect(screen.getByRole('alert').textContent).toBe('Too short');
  });

  it('wires a child control instead of an input, and has no error state without an error', () => {
    render(
      <Field label="Description">
        <textarea defaultValue="" />
      </Field>,
    );
    const textarea = screen.getByLabelText('Description');
    expect(textarea.tagName).toBe('TEXTAREA');
    expect(textarea.getAttribute('aria-invalid')).toBeNull();
    expect(textarea.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('calls onEdit when the person types', async () => {
    const onEdit = vi.fn();
    render(<Field label="Name" onEdit={onEdit} />);
    await userEvent.type(screen.getByLabelText('Name'), 'ab');
    expect(onEdit).toHaveBeenCalledTimes(2);
  });
});

function Bound() {
  const [name, setName] = useState('Ada');
  return (
    <>
      <Field label="Name" {...bindValue(name, setName)} />
      <output>{name}</output>
    </>
  );
}

describe('bindValue', () => {
  it('shows the state in the control and keeps what the person types', async () => {
    render(<Bound />);
    const input = screen.getByLabelText('Name') as HTMLInputElement;
    expect(input.value).toBe('Ada');
    await userEvent.clear(input);
    await userEvent.type(input, 'Grace');
    expect(input.value).toBe('Grace');
    expect(screen.getByRole('status').textContent).toBe('Grace');
  });
});

describe('EmptyState', () => {
  it('shows the title, the sentence, the action and a known icon', () => {
    const { container } = render(
      <EmptyState icon="bulb" title="No ideas yet" action={<button type="button">New idea</button>}>
        Be the first.
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { name: 'No ideas yet' })).toBeTruthy();
    expect(screen.getByText('Be the first.').tagName).toBe('P');
    expect(screen.getByRole('button', { name: 'New idea' })).toBeTruthy();
    expect(container.querySelector('.empty-icon svg')).not.toBeNull();
  });

  it('draws the usual action as a primary link', () => {
    render(
      <MemoryRouter>
        <EmptyState title="Page not found" link={{ to: '/explore', label: 'Explore' }} />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Explore' });
    expect(link.getAttribute('href')).toBe('/explore');
    expect(link.className).toBe('btn btn-primary');
  });

  it('leaves out what it is not given', () => {
    const { container } = render(<EmptyState title="Nothing" />);
    expect(container.querySelector('.empty-icon')).toBeNull();
    expect(container.querySelector('p')).toBeNull();
  });
});
