// The Ideas tab of a project: its challenges (drafts for hosts), with a button to open a new one.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, usePagedList, ListState } from '../../components';
import { formatDate, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import { PhaseBadge } from './badges';
import type { Challenge } from './types';

export function IdeasTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('ideas');
  const list = usePagedList<Challenge>(`/projects/${project.id}/challenges`);
  const host = project.viewer.isHost;
  return (
    <div className="stack">
      <div className="row-between">
        <h2 className="section-title m-0">{t('challenges')}</h2>
        {host && (
          <Link className="btn btn-primary" to={`/p/${project.slug}/challenges/new`}>
            {t('newChallenge')}
          </Link>
        )}
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="bulb" title={t('noChallenges')}>
            {host ? t('noChallengesHost') : t('noChallengesLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card px-card">
            {items.map((c) => (
              <li key={c.id} className="row-between">
                <div className="stack-sm gap-2xs">
                  <Link className="fw-600" to={`/challenges/${c.id}`}>
                    {c.title}
                  </Link>
                  <span className="row muted small">
                    <PhaseBadge phase={c.phase} draft={c.status === 'draft'} />
                    {t('ideasCount', { count: c.ideas, n: formatNumber(c.ideas) })}
                    <span>· {t(`phaseUntil.${c.phase}`, { date: formatDate(nextDate(c)) })}</span>
                  </span>
                </div>
                <div className="row">
                  {c.viewer.canVote && (
                    <Link className="btn btn-sm btn-primary" to={`/challenges/${c.id}/vote`}>
                      {t('pairs.cta')}
                    </Link>
                  )}
                  <Link className="btn btn-sm" to={`/challenges/${c.id}`}>
                    {t('open')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </div>
  );
}

/** The date the current phase ends (or, before it opens, starts). */
export function nextDate(c: Pick<Challenge, 'phase' | 'phases'>): string {
  switch (c.phase) {
    case 'upcoming':
      return c.phases.submission;
    case 'submission':
      return c.phases.voting;
    case 'voting':
      return c.phases.review;
    case 'review':
    case 'closed':
      return c.phases.closed;
  }
}
