import { useTranslation } from 'react-i18next';
import type { IdeaStatus, Phase } from './types';

const STATUS_TONE: Record<IdeaStatus, string> = {
  submitted: 'badge-muted',
  shortlisted: '',
  selected: 'badge-success',
  implemented: 'badge-success',
  rejected: 'badge-danger',
};

/** An idea's stage-gate status as a coloured badge. */
export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas');
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>;
}

/** A challenge's current phase (or "draft") as a badge. */
export function PhaseBadge({ phase, draft }: { phase: Phase; draft?: boolean }) {
  const { t } = useTranslation('ideas');
  if (draft) return <span className="badge badge-warn">{t('draft')}</span>;
  const tone = phase === 'voting' || phase === 'submission' ? 'badge-success' : phase === 'closed' ? 'badge-muted' : '';
  return <span className={`badge ${tone}`}>{t(`phase.${phase}`)}</span>;
}
