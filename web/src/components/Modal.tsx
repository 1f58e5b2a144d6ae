import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface ModalProps {
  /** Whether the dialog is shown. */
  open: boolean;
  /** The dialog's title (its accessible name). */
  title: string;
  /** Called on Escape, the close button, or a click on the backdrop. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom (e.g. Cancel / Confirm). */
  footer?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes, focus returns where it was.
 * @example <Modal open={open} title="Report" onClose={() => setOpen(false)} footer={<button className="btn btn-primary">Send</button>}>…</Modal>
 */
export function Modal({ open, title, onClose, children, footer }: ModalProps) {
  const { t } = useTranslation('core');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is the pointer's way out; the keyboard's is Escape (onCancel)
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      {open && (
        <>
          <div className="modal-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn-ghost btn-sm" onClick={onClose} aria-label={t('common.close')}>
              <Icon name="x" />
            </button>
          </div>
          <div className="modal-body">{children}</div>
          {footer && <div className="modal-foot">{footer}</div>}
        </>
      )}
    </dialog>
  );
}
