// The Surveys tab of a project: its surveys (drafts for hosts), a new-survey button and the validation panel link.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, usePagedList, ListState } from '../../components';
import { formatDate, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import { StatusBadge } from './StatusBadge';
import type { SurveySummary } from './types';

export function SurveysTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('surveys');
  const list = usePagedList<SurveySummary>(`/projects/${project.id}/surveys`);
  const host = project.viewer.isHost;
  return (
    <div className="stack">
      <div className="row-between">
        <h2 className="section-title m-0">{t('tab')}</h2>
        {host && (
          <div className="row">
            <Link className="btn" to={`/p/${project.slug}/validation`}>
              {t('validation.link')}
            </Link>
            <Link className="btn btn-primary" to={`/p/${project.slug}/surveys/new`}>
              {t('new')}
            </Link>
          </div>
        )}
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="chart" title={t('empty')}>
            {host ? t('emptyHost') : t('emptyLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card px-card">
            {items.map((s) => (
              <li key={s.id} className="row-between">
                <div className="stack-sm gap-2xs">
                  <Link className="fw-600" to={`/surveys/${s.id}`}>
                    {s.title}
                  </Link>
                  <span className="row muted small">
                    <StatusBadge status={s.status} />
                    {t('responsesCount', { count: s.responses, n: formatNumber(s.responses) })}
                    {s.openedAt && <span>· {t('openedOn', { date: formatDate(s.openedAt) })}</span>}
                  </span>
                </div>
                <div className="row">
                  {s.status === 'open' && (
                    <Link className="btn btn-primary btn-sm" to={`/surveys/${s.id}`}>
                      {host ? t('view') : t('answerIt')}
                    </Link>
                  )}
                  {(host || (s.resultsPublic && s.status !== 'draft')) && (
                    <Link className="btn btn-sm" to={`/surveys/${s.id}/results`}>
                      {t('host.results')}
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
