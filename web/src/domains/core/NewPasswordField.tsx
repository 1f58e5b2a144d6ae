import { bindValue, Field } from '../../components';

export interface NewPasswordFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** From a mutation's `field(name)`. */
  error?: string | null;
  onEdit?: () => void;
}

/** The field where a person chooses a password: masked, at least 10 characters, offered to password managers as new. */
export function NewPasswordField({ label, hint, value, onChange, error, onEdit }: NewPasswordFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      type="password"
      autoComplete="new-password"
      {...bindValue(value, onChange)}
      required
      minLength={10}
      error={error}
      onEdit={onEdit}
    />
  );
}
