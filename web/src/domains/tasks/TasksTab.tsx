// The Tasks tab of a project: its batches (drafts for hosts), a button for hosts to create one, and for everyone
// a way into the work.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, usePagedList, ListState } from '../../components';
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
  const list = usePagedList<Batch>(`/projects/${project.id}/task-batches`);
  const host = project.viewer.isHost;
  return (
    <div className="stack">
      <div className="row-between">
        <h2 className="section-title m-0">{t('batches')}</h2>
        <div className="row">
          <Link className="btn" to="/me/tasks">
            {t('myWork')}
          </Link>
          {host && (
            <Link className="btn btn-primary" to={`/p/${project.slug}/task-batches/new`}>
              {t('newBatch')}
            </Link>
          )}
        </div>
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="check" title={t('noBatches')}>
            {host ? t('noBatchesHost') : t('noBatchesLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card px-card">
            {items.map((b) => (
              <li key={b.id} className="row-between">
                <div className="stack-sm gap-2xs">
                  <Link className="fw-600" to={`/task-batches/${b.id}`}>
                    {b.title}
                  </Link>
                  <span className="row muted small">
                    <StatusBadge status={b.status} />
                    <span>{t('itemsCount', { count: b.itemsCount, n: formatNumber(b.itemsCount) })}</span>
                    <span>
                      · {b.reward ? t('rewardEach', { amount: formatMoney(b.reward.amount, b.reward.currency) }) : t('volunteer')}
                    </span>
                  </span>
                </div>
                <div className="row">
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
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </div>
  );
}
