import type { ChangeEvent } from 'react';

/**
 * `value` and `onChange` for a text control (input, textarea, select) whose text a state holds.
 * @example const [email, setEmail] = useState(''); … <Field label={t('email')} {...bindValue(email, setEmail)} />
 */
export function bindValue(value: string, set: (value: string) => void) {
  return { value, onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(e.target.value) };
}
