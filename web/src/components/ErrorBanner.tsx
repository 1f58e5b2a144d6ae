import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { Icon } from './Icon';
import { apiErrorMessage } from './apiErrors';

export interface ErrorBannerProps {
  /** An ApiError (its server message is shown), an Error, a string, or nothing (renders nothing). */
  error: unknown;
  /** A short title above the message; defaults to "Something went wrong". */
  title?: string;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  /**
   * The fields the form shows their own errors beside (with Field + fieldError): when a validation error names only
   * those, the banner just asks to check them instead of repeating the messages.
   */
  fields?: string[];
}

/** The message a person should read for an error: the translation of the API's code, else its own message. */
export const errorMessage = apiErrorMessage;

/**
 * Shows an error, with the API's message, in a red banner announced to screen readers.
 * @example <ErrorBanner error={error} onRetry={reload} />
 */
export function ErrorBanner({ error, title, onRetry, fields }: ErrorBannerProps) {
  const { t } = useTranslation('core');
  if (error === null || error === undefined || error === false) return null;
  const offline = error instanceof TypeError && /fetch/i.test(error.message);
  if (fields && error instanceof ApiError && Array.isArray(error.details) && error.details.length > 0) {
    const named = (error.details as { field?: string }[]).map((d) => (d.field ?? '').replace(/^body\./, '').split('.')[0]);
    if (named.every((f) => fields.includes(f!))) {
      return (
        <div className="banner banner-error" role="alert">
          <Icon name="alert" size={20} />
          <div className="banner-body">{t('common.checkFields')}</div>
        </div>
      );
    }
  }
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" size={20} />
      <div className="banner-body">
        <strong>{title ?? t('common.errorTitle')}</strong>
        {offline ? t('common.offline') : errorMessage(error)}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
