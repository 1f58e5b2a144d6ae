import { useTranslation } from 'react-i18next';
import { IDEA_STATUSES, type IdeaStatus, type Phase } from './types';

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

/** One translated <option> per idea status, for a status select. */
export function IdeaStatusOptions() {
  const { t } = useTranslation('ideas');
  return IDEA_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`status.${s}`)}
    </option>
  ));
}
