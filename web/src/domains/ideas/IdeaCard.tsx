// One idea in a challenge's list: up/down votes, title, excerpt, tags, status, and its rank when ranked.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components';
import { formatNumber, formatPercent } from '../../format';
import { IdeaStatusBadge } from './badges';
import type { Idea } from './types';

export function VoteButtons({ idea, canVote, onVote }: { idea: Idea; canVote: boolean; onVote: (value: 1 | -1) => void }) {
  const { t } = useTranslation('ideas');
  const disabled = !canVote || idea.viewer.isAuthor;
  const title = idea.viewer.isAuthor ? t('vote.own') : !canVote ? t('vote.closed') : undefined;
  return (
    <div className="ide-votes" title={title}>
      <button
        type="button"
        className={`vote-arrow${idea.viewer.vote === 1 ? ' is-on' : ''}`}
        aria-pressed={idea.viewer.vote === 1}
        aria-label={t('vote.up', { title: idea.title })}
        disabled={disabled}
        onClick={() => onVote(1)}
      >
        ▲
      </button>
      <span className="ide-net">
        <span aria-hidden="true">{formatNumber(idea.votes.net)}</span>
        <span className="sr-only">{t('vote.net', { up: idea.votes.up, down: idea.votes.down })}</span>
      </span>
      <button
        type="button"
        className={`vote-arrow${idea.viewer.vote === -1 ? ' is-on is-down' : ''}`}
        aria-pressed={idea.viewer.vote === -1}
        aria-label={t('vote.down', { title: idea.title })}
        disabled={disabled}
        onClick={() => onVote(-1)}
      >
        ▼
      </button>
    </div>
  );
}

export function IdeaCard({
  idea,
  canVote,
  onVote,
  showRank,
}: {
  idea: Idea;
  canVote: boolean;
  onVote: (value: 1 | -1) => void;
  showRank?: boolean;
}) {
  const { t } = useTranslation('ideas');
  return (
    <li className="card ide-card">
      <VoteButtons idea={idea} canVote={canVote} onVote={onVote} />
      <div className="ide-card-main">
        <div className="row">
          {showRank && idea.rank !== undefined && <span className="ide-rank">#{idea.rank}</span>}
          <Link to={`/ideas/${idea.id}`} className="ide-card-title">
            {idea.title}
          </Link>
          <IdeaStatusBadge status={idea.status} />
        </div>
        {idea.bodyHtml && <Markdown className="ide-excerpt" html={idea.bodyHtml} />}
        <div className="row muted small">
          <span>{t('by', { name: idea.author.name })}</span>
          {idea.tags.map((tag) => (
            <span key={tag} className="badge badge-muted">
              #{tag}
            </span>
          ))}
          {showRank && idea.score !== undefined && (
            <span>
              ·{' '}
              {t('ranking.scoreLine', {
                score: formatPercent(idea.score),
                low: formatPercent(idea.interval![0]),
                high: formatPercent(idea.interval![1]),
                count: idea.comparisons,
              })}
            </span>
          )}
        </div>
        {idea.statusNote && (
          <p className="ide-note small">
            <strong>{t('noteFromHosts')}</strong> {idea.statusNote}
          </p>
        )}
      </div>
    </li>
  );
}
