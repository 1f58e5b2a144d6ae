import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from './types';

/** A survey's status as a coloured badge. */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation('surveys');
  const tone = status === 'open' ? 'badge-success' : status === 'draft' ? 'badge-warn' : 'badge-muted';
  return <span className={`badge ${tone}`}>{t(`status.${status}`)}</span>;
}
