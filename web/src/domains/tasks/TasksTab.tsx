// The Tasks tab of a project: its batches (drafts for hosts), a button for hosts to create one, and for everyone
// a way into the work.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectionList } from '../../components';
import { formatMoney, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import type { Batch } from './types';

export function StatusBadge({ status }: { status: Batch['status'] }) {
  const { t } = useTranslation('tasks');
  const tone = status === 'published' ? 'badge-success' : status === 'paused' ? 'badge-warn' : 'badge-muted';
  return <span className={`badge ${tone}`}>{t(`status.${status}`)}</span>;
}

export function TasksTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('tasks');
  const host = project.viewer.isHost;
  return (
    <SectionList<Batch>
      title={t('batches')}
      actions={
        <>
          <Link className="btn" to="/me/tasks">
            {t('myWork')}
          </Link>
          {host && (
            <Link className="btn btn-primary" to={`/p/${project.slug}/task-batches/new`}>
              {t('newBatch')}
            </Link>
          )}
        </>
      }
      path={`/projects/${project.id}/task-batches`}
      empty={{ icon: 'check', title: t('noBatches'), lead: host ? t('noBatchesHost') : t('noBatchesLead') }}
      row={(b) => ({
        href: `/task-batches/${b.id}`,
        title: b.title,
        meta: (
          <>
            <StatusBadge status={b.status} />
            <span>{t('itemsCount', { count: b.itemsCount, n: formatNumber(b.itemsCount) })}</span>
            <span>· {b.reward ? t('rewardEach', { amount: formatMoney(b.reward.amount, b.reward.currency) }) : t('volunteer')}</span>
          </>
        ),
        actions: (
          <>
            {b.status === 'published' && (
              <Link className="btn btn-sm btn-primary" to={`/task-batches/${b.id}/work`}>
                {t('startWorking')}
              </Link>
            )}
            {host && (
              <Link className="btn btn-sm" to={`/task-batches/${b.id}/results`}>
                {t('results')}
              </Link>
            )}
          </>
        ),
      })}
    />
  );
}
