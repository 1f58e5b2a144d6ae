// The Surveys tab of a project: its surveys (drafts for hosts), a new-survey button and the validation panel link.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectionList } from '../../components';
import { formatDate, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import { StatusBadge } from './StatusBadge';
import type { SurveySummary } from './types';

export function SurveysTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('surveys');
  const host = project.viewer.isHost;
  return (
    <SectionList<SurveySummary>
      title={t('tab')}
      actions={
        host && (
          <>
            <Link className="btn" to={`/p/${project.slug}/validation`}>
              {t('validation.link')}
            </Link>
            <Link className="btn btn-primary" to={`/p/${project.slug}/surveys/new`}>
              {t('new')}
            </Link>
          </>
        )
      }
      path={`/projects/${project.id}/surveys`}
      empty={{ icon: 'chart', title: t('empty'), lead: host ? t('emptyHost') : t('emptyLead') }}
      row={(s) => ({
        href: `/surveys/${s.id}`,
        title: s.title,
        meta: (
          <>
            <StatusBadge status={s.status} />
            {t('responsesCount', { count: s.responses, n: formatNumber(s.responses) })}
            {s.openedAt && <span>· {t('openedOn', { date: formatDate(s.openedAt) })}</span>}
          </>
        ),
        actions: (
          <>
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
          </>
        ),
      })}
    />
  );
}
