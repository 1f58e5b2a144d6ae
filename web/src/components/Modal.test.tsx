import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Modal } from './Modal';

function Harness({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Report
      </button>
      <Modal
        open={open}
        title="Report this"
        onClose={() => {
          onClose?.();
          setOpen(false);
        }}
        footer={<button type="button">Send</button>}
      >
        <p>Why?</p>
      </Modal>
    </>
  );
}

describe('Modal', () => {
  it('shows its content only when open, named by its title', async () => {
    render(<Harness />);
    expect(screen.queryByText('Why?')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Report this');
    expect(screen.getByText('Why?')).toBeTruthy();
    expect(screen.getByText('Send')).toBeTruthy();
  });

  it('closes with the close button', async () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close', hidden: true }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.querySelector('dialog')!.open).toBe(false);
    expect(screen.queryByText('Why?')).toBeNull();
  });

  it('closes on Escape (the dialog cancel event) without the browser closing it behind React', async () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = document.querySelector('dialog')!;
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('closes on a click on the backdrop but not inside', async () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    await userEvent.click(screen.getByText('Why?'));
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(document.querySelector('dialog')!);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
