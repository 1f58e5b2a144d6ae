import type { FormEvent, ReactNode } from 'react';
import { Icon } from './Icon';

export interface SearchBarProps {
  /** The search field's id and accessible name (its label is for screen readers only). */
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (e: FormEvent) => void;
  maxLength?: number;
  /** Extra class on the bar (its layout on the page). */
  className?: string;
  /** Filters and the submit button after the field. */
  children?: ReactNode;
}

/**
 * A search landmark: a search field with its magnifier, then the page's filters and button.
 * @example <SearchBar id="q" label={t('search')} value={text} onChange={setText} onSubmit={submit}><button type="submit" className="btn">{t('search')}</button></SearchBar>
 */
export function SearchBar({ id, label, placeholder, value, onChange, onSubmit, maxLength, className, children }: SearchBarProps) {
  return (
    <search className={`search-bar${className ? ` ${className}` : ''}`}>
      <form className="contents" onSubmit={onSubmit}>
        <div className="search-input">
          <Icon name="search" />
          <label className="sr-only" htmlFor={id}>
            {label}
          </label>
          <input
            id={id}
            type="search"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder={placeholder}
            maxLength={maxLength}
          />
        </div>
        {children}
      </form>
    </search>
  );
}
