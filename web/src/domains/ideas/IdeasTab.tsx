// The Ideas tab of a project: its challenges (drafts for hosts), with a button to open a new one.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectionList } from '../../components';
import { formatDate, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import { PhaseBadge } from './badges';
import type { Challenge } from './types';

export function IdeasTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('ideas');
  const host = project.viewer.isHost;
  return (
    <SectionList<Challenge>
      title={t('challenges')}
      actions={
        host && (
          <Link className="btn btn-primary" to={`/p/${project.slug}/challenges/new`}>
            {t('newChallenge')}
          </Link>
        )
      }
      path={`/projects/${project.id}/challenges`}
      empty={{ icon: 'bulb', title: t('noChallenges'), lead: host ? t('noChallengesHost') : t('noChallengesLead') }}
      row={(c) => ({
        href: `/challenges/${c.id}`,
        title: c.title,
        meta: (
          <>
            <PhaseBadge phase={c.phase} draft={c.status === 'draft'} />
            {t('ideasCount', { count: c.ideas, n: formatNumber(c.ideas) })}
            <span>· {t(`phaseUntil.${c.phase}`, { date: formatDate(nextDate(c)) })}</span>
          </>
        ),
        actions: (
          <>
            {c.viewer.canVote && (
              <Link className="btn btn-sm btn-primary" to={`/challenges/${c.id}/vote`}>
                {t('pairs.cta')}
              </Link>
            )}
            <Link className="btn btn-sm" to={`/challenges/${c.id}`}>
              {t('open')}
            </Link>
          </>
        ),
      })}
    />
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
