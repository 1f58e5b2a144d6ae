import { cloneElement, isValidElement, useId, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  /** The visible label (every input has one). */
  label: ReactNode;
  /** An error under the input (red, announced); also marks the input aria-invalid. */
  error?: string | null;
  /** A help line under the label. */
  hint?: ReactNode;
  /**
   * The control, when not a plain <input>: a <textarea>, <select>… Field gives it its id,
   * aria-describedby and aria-invalid. Without children, Field renders an <input> with the other props.
   */
  children?: ReactElement<Record<string, unknown>>;
  /** Called when the person edits the control (an input event inside): a mutation's `field(name)` clears its error. */
  onEdit?: () => void;
}

/**
 * A label, a control and its error text, wired together for screen readers.
 * @example <Field label="Title" {...bindValue(title, setTitle)} {...save.field('title')} required />
 * @example <Field label="Description" hint="Markdown"><textarea value={d} onChange={…} /></Field>
 */
export function Field({ label, error, hint, children, id, required, onEdit, ...inputProps }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shared = { id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required };
  const control = isValidElement(children) ? cloneElement(children, shared) : <input {...inputProps} {...shared} />;
  return (
    <div className={`field${error ? ' has-error' : ''}`} onInput={onEdit}>
      <label htmlFor={controlId}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {control}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
