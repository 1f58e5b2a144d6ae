import { useTranslation } from 'react-i18next';

/**
 * A small inline spinner, announced to screen readers.
 * @example <Spinner /> <Spinner label="Uploading" />
 */
export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation('core');
  return <span className="spinner" role="status" aria-label={label ?? t('common.loading')} />;
}

/**
 * A block that says something is loading: use while a page or a section waits for the API.
 * @example if (loading) return <Loading />
 */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('core');
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
