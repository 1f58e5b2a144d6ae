// /challenges/:id: the prompt, the phases, the vote budget, the ideas (top, new, ranked), the idea form, host controls.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  Markdown,
  usePagedList,
  useApi,
  usePageTitle,
  useMutation,
  ListState,
  bindValue,
} from '../../components';
import { formatDate, formatNumber, splitList } from '../../format';
import { useSession } from '../../session';
import { PhaseBadge, IdeaStatusOptions } from './badges';
import { IdeaCard } from './IdeaCard';
import type { Budget, Challenge, Idea, VoteAnswer } from './types';

const SORTS = ['top', 'new', 'ranked'] as const;

export function ChallengePage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const { data: challenge, error, loading, reload, setData } = useApi<Challenge>(`/challenges/${encodeURIComponent(id!)}`);
  usePageTitle(challenge?.title ?? t('challenge'));
  if (loading && !challenge) return <Loading />;
  if (error || !challenge) {
    if (error instanceof ApiError && error.status === 404) return <EmptyState icon="compass" title={t('notFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  const setBudget = (budget: Budget) => setData((c) => ({ ...c!, viewer: { ...c!.viewer, budget } }));
  return (
    <div className="stack ide-page">
      <div className="stack-sm">
        <Link to={`/p/${challenge.projectId}/ideas`} className="small">
          ← {t('backToProject')}
        </Link>
        <div className="row">
          <PhaseBadge phase={challenge.phase} draft={challenge.status === 'draft'} />
          <span className="muted small">{t('ideasCount', { count: challenge.ideas, n: formatNumber(challenge.ideas) })}</span>
        </div>
        <h1>{challenge.title}</h1>
        {challenge.promptHtml && <Markdown html={challenge.promptHtml} />}
      </div>
      <PhaseTimeline challenge={challenge} />
      {challenge.viewer.isHost && <HostBar challenge={challenge} onChange={setData} />}
      <ActionBar challenge={challenge} />
      <IdeasSection challenge={challenge} onBudget={setBudget} onSubmitted={reload} />
    </div>
  );
}

/** The four phases with their start dates, the current one highlighted. */
function PhaseTimeline({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation('ideas');
  const keys = ['submission', 'voting', 'review', 'closed'] as const;
  return (
    <ol className="ide-timeline" aria-label={t('phases')}>
      {keys.map((k) => (
        <li key={k} className={challenge.phase === k ? 'is-current' : ''} aria-current={challenge.phase === k ? 'step' : undefined}>
          <strong>{t(`phase.${k}`)}</strong>
          <span className="muted small">{formatDate(challenge.phases[k], { dateStyle: 'medium', timeStyle: 'short' })}</span>
        </li>
      ))}
    </ol>
  );
}

function ActionBar({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation('ideas');
  const { me } = useSession();
  const budget = challenge.viewer.budget;
  return (
    <div className="row-between card ide-actions">
      <div className="stack-sm gap-2xs">
        {challenge.viewer.canVote ? (
          <strong>{t('votingOpen')}</strong>
        ) : (
          <strong>{t(`phaseLead.${challenge.phase}`, { date: formatDate(challenge.phases.voting) })}</strong>
        )}
        {me && budget && (
          <span className="muted small" data-testid="vote-budget">
            {budget.limit === null
              ? t('budget.unlimited', { used: budget.used })
              : t('budget.left', { remaining: budget.remaining, limit: budget.limit })}
          </span>
        )}
      </div>
      <div className="row">
        {challenge.viewer.canVote && (
          <Link className="btn btn-primary" to={`/challenges/${challenge.id}/vote`}>
            {t('pairs.cta')}
          </Link>
        )}
        {challenge.viewer.canSeeRanking && (
          <Link className="btn" to={`/challenges/${challenge.id}/ranking`}>
            {t('ranking.link')}
          </Link>
        )}
      </div>
    </div>
  );
}

function HostBar({ challenge, onChange }: { challenge: Challenge; onChange: (c: Challenge) => void }) {
  const { t } = useTranslation('ideas');
  const [error, setError] = useState<unknown>(null);
  const publish = async () => {
    setError(null);
    try {
      onChange(await api<Challenge>('PATCH', `/challenges/${challenge.id}`, { status: 'published' }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card stack-sm" aria-label={t('host.label')}>
      <div className="row">
        <strong>{t('host.label')}</strong>
        <Link className="btn btn-sm" to={`/challenges/${challenge.id}/edit`}>
          {t('host.edit')}
        </Link>
        {challenge.status === 'draft' && (
          <button type="button" className="btn btn-sm btn-primary" onClick={publish}>
            {t('host.publish')}
          </button>
        )}
        <span className="muted small">
          {t('host.comparisons', { count: challenge.comparisons, n: formatNumber(challenge.comparisons) })}
        </span>
      </div>
      {challenge.status === 'draft' && <p className="muted small m-0">{t('host.draftLead')}</p>}
      <ErrorBanner error={error} />
    </section>
  );
}

function IdeasSection({
  challenge,
  onBudget,
  onSubmitted,
}: {
  challenge: Challenge;
  onBudget: (b: Budget) => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('ideas');
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort =
    SORTS.includes(sortParam as (typeof SORTS)[number]) && (sortParam !== 'ranked' || challenge.viewer.canSeeRanking) ? sortParam! : 'top';
  const status = params.get('status') ?? '';
  const query = `/challenges/${challenge.id}/ideas?sort=${sort}${status ? `&status=${status}` : ''}`;
  const list = usePagedList<Idea>(query);
  const [voteError, setVoteError] = useState<unknown>(null);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const vote = async (idea: Idea, value: 1 | -1) => {
    setVoteError(null);
    try {
      const answer =
        idea.viewer.vote === value
          ? await api<VoteAnswer>('DELETE', `/ideas/${idea.id}/votes`)
          : await api<VoteAnswer>('POST', `/ideas/${idea.id}/votes`, { value });
      list.setItems((items) =>
        items.map((i) => (i.id === idea.id ? { ...i, votes: answer.votes, viewer: { ...i.viewer, vote: answer.value } } : i)),
      );
      onBudget(answer.budget);
    } catch (e) {
      setVoteError(e);
    }
  };

  return (
    <section className="stack" aria-labelledby="ideas-heading">
      <div className="row-between">
        <h2 id="ideas-heading" className="section-title m-0">
          {t('ideas')}
        </h2>
        <div className="row">
          <fieldset className="pill-group fieldset-bare" aria-label={t('sort.label')}>
            {SORTS.filter((s) => s !== 'ranked' || challenge.viewer.canSeeRanking).map((s) => (
              <button key={s} type="button" className="pill" aria-pressed={sort === s} onClick={() => set('sort', s === 'top' ? '' : s)}>
                {t(`sort.${s}`)}
              </button>
            ))}
          </fieldset>
          <label className="sr-only" htmlFor="ide-status-filter">
            {t('statusFilter')}
          </label>
          <select id="ide-status-filter" className="ide-select" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('allStatuses')}</option>
            <IdeaStatusOptions />
          </select>
        </div>
      </div>
      {challenge.viewer.canSubmit && (
        <SubmitIdea
          challenge={challenge}
          onDone={() => {
            void list.reload();
            onSubmitted();
          }}
        />
      )}
      <ErrorBanner error={voteError} />
      <ListState
        list={list}
        empty={
          <EmptyState icon="bulb" title={t('noIdeas')}>
            {challenge.viewer.canSubmit ? t('noIdeasLead') : null}
          </EmptyState>
        }
      >
        {(items) => (
          <ol className="ide-list">
            {items.map((idea) => (
              <IdeaCard
                key={idea.id}
                idea={idea}
                canVote={challenge.viewer.canVote}
                onVote={(v) => vote(idea, v)}
                showRank={sort === 'ranked'}
              />
            ))}
          </ol>
        )}
      </ListState>
    </section>
  );
}

function SubmitIdea({ challenge, onDone }: { challenge: Challenge; onDone: () => void }) {
  const { t } = useTranslation('ideas');
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    await api('POST', `/challenges/${challenge.id}/ideas`, {
      title,
      body,
      tags: splitList(tags),
    });
    setTitle('');
    setBody('');
    setTags('');
    setOpen(false);
    onDone();
  });
  if (!open) {
    return (
      <div>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t('submit.open')}
        </button>
      </div>
    );
  }
  return (
    <form className="card stack-sm" onSubmit={submit} noValidate aria-label={t('submit.title')}>
      <h3 className="m-0">{t('submit.title')}</h3>
      <ErrorBanner error={error} fields={['title', 'body', 'tags']} />
      <Field label={t('submit.ideaTitle')} {...bindValue(title, setTitle)} {...field('title')} required maxLength={150} />
      <Field label={t('submit.body')} hint={t('submit.bodyHint')} {...field('body')}>
        <textarea {...bindValue(body, setBody)} rows={4} />
      </Field>
      <Field label={t('submit.tags')} hint={t('submit.tagsHint')} {...bindValue(tags, setTags)} {...field('tags')} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('submit.send')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
