import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { Icon } from './Icon';

export interface ErrorBannerProps {
  /** An ApiError (its server message is shown), an Error, a string, or nothing (renders nothing). */
  error: unknown;
  /** A short title above the message; defaults to "Something went wrong". */
  title?: string;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
}

/** The message a person should read for an error: the API's own message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Shows an error, with the API's message, in a red banner announced to screen readers.
 * @example <ErrorBanner error={error} onRetry={reload} />
 */
export function ErrorBanner({ error, title, onRetry }: ErrorBannerProps) {
  const { t } = useTranslation('core');
  if (error === null || error === undefined || error === false) return null;
  const offline = error instanceof TypeError && /fetch/i.test(error.message);
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
