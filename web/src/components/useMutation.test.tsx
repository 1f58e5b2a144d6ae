import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { ErrorBanner } from './ErrorBanner';
import { Field } from './Field';
import { useMutation } from './useMutation';

const invalidTitle = new ApiError(400, 'validation_failed', 'body.title: too short', [
  { field: 'body.title', code: 'too_small', origin: 'string', minimum: 3, message: 'too short' },
]);

function Form({ action }: { action: (title: string) => Promise<unknown> }) {
  const [title, setTitle] = useState('');
  const save = useMutation(() => action(title));
  return (
    <form onSubmit={save.submit}>
      <ErrorBanner error={save.error} fields={['title']} />
      <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} {...save.field('title')} />
      <button type="submit" className="btn" disabled={save.busy}>
        {save.busy ? 'Saving' : 'Save'}
      </button>
    </form>
  );
}

function Doubler({ results }: { results: unknown[] }) {
  const m = useMutation(async (n: number) => {
    if (n < 0) throw new Error('negative');
    return n * 2;
  });
  return (
    <>
      <button type="button" onClick={async () => results.push(await m.run(21))}>
        ok
      </button>
      <button type="button" onClick={async () => results.push(await m.run(-1))}>
        bad
      </button>
    </>
  );
}

describe('useMutation', () => {
  it('is busy while the action runs and calls it with the form state', async () => {
    let finish!: () => void;
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Form action={action} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(action).toHaveBeenCalledWith('Hello');
    expect((screen.getByRole('button', { name: 'Saving' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => finish());
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('puts a validation error beside its field, and clears it once the person edits the field', async () => {
    render(<Form action={() => Promise.reject(invalidTitle)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const input = await screen.findByLabelText('Title');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Please check the highlighted fields.',
      'Must be at least 3 characters long.',
    ]);
    await userEvent.type(input, 'x');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Must be at least 3 characters long.')).toBeNull();
  });

  it('shows an error that names no field in the banner, and clears it on the next run', async () => {
    const action = vi.fn().mockRejectedValueOnce(new Error('Network down')).mockResolvedValueOnce(undefined);
    render(<Form action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Network down');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('run resolves to the result, or undefined when the action threw', async () => {
    const results: unknown[] = [];
    render(<Doubler results={results} />);
    await userEvent.click(screen.getByRole('button', { name: 'ok' }));
    await userEvent.click(screen.getByRole('button', { name: 'bad' }));
    expect(results).toEqual([42, undefined]);
  });
});
