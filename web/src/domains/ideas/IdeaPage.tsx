// /ideas/:id: one idea with its votes, the host's status and note, host controls (status, merge) and comments.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { Comments, EmptyState, ErrorBanner, Field, Loading, Markdown, Time, useApi, usePageTitle, bindValue } from '../../components';
import { IdeaStatusBadge, IdeaStatusOptions } from './badges';
import { VoteButtons } from './IdeaCard';
import type { Challenge, Idea, IdeaStatus, VoteAnswer } from './types';

export function IdeaPage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const { data: idea, error, loading, reload, setData } = useApi<Idea>(`/ideas/${encodeURIComponent(id!)}`);
  const challengeState = useApi<Challenge>(idea ? `/challenges/${idea.challengeId}` : null);
  const challenge = challengeState.data;
  const [voteError, setVoteError] = useState<unknown>(null);
  usePageTitle(idea?.title ?? t('idea'));
  if (loading && !idea) return <Loading />;
  if (error || !idea) {
    if (error instanceof ApiError && error.status === 404) return <EmptyState icon="compass" title={t('ideaNotFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  const vote = async (value: 1 | -1) => {
    setVoteError(null);
    try {
      const answer =
        idea.viewer.vote === value
          ? await api<VoteAnswer>('DELETE', `/ideas/${idea.id}/votes`)
          : await api<VoteAnswer>('POST', `/ideas/${idea.id}/votes`, { value });
      setData({ ...idea, votes: answer.votes, viewer: { ...idea.viewer, vote: answer.value } });
      challengeState.setData((c) => ({ ...c!, viewer: { ...c!.viewer, budget: answer.budget } }));
    } catch (e) {
      setVoteError(e);
    }
  };
  return (
    <div className="medium stack">
      <Link to={`/challenges/${idea.challengeId}`} className="small">
        ← {challenge?.title ?? t('challenge')}
      </Link>
      {idea.mergedIntoId && (
        <div className="banner banner-info" role="status">
          <div className="banner-body">
            {t('mergedNotice')} <Link to={`/ideas/${idea.mergedIntoId}`}>{t('mergedLink')}</Link>
          </div>
        </div>
      )}
      <article className="card ide-detail">
        {!idea.mergedIntoId && <VoteButtons idea={idea} canVote={Boolean(challenge?.viewer.canVote)} onVote={vote} />}
        <div className="ide-card-main stack-sm">
          <div className="row">
            <IdeaStatusBadge status={idea.status} />
            {idea.tags.map((tag) => (
              <span key={tag} className="badge badge-muted">
                #{tag}
              </span>
            ))}
          </div>
          <h1 className="m-0">{idea.title}</h1>
          <span className="muted small">
            {t('by', { name: idea.author.name })} · <Time iso={idea.createdAt} />
          </span>
          {idea.bodyHtml && <Markdown html={idea.bodyHtml} />}
          {idea.statusNote && (
            <p className="ide-note">
              <strong>{t('noteFromHosts')}</strong> {idea.statusNote}
            </p>
          )}
          {challenge?.viewer.budget && challenge.viewer.budget.limit !== null && (
            <span className="muted small">
              {t('budget.left', { remaining: challenge.viewer.budget.remaining, limit: challenge.viewer.budget.limit })}
            </span>
          )}
        </div>
      </article>
      <ErrorBanner error={voteError} />
      {challenge?.viewer.isHost && !idea.mergedIntoId && <HostControls idea={idea} onChange={setData} />}
      <Comments subject={`idea:${idea.id}`} />
    </div>
  );
}

function HostControls({ idea, onChange }: { idea: Idea; onChange: (idea: Idea) => void }) {
  const { t } = useTranslation('ideas');
  const [status, setStatus] = useState<IdeaStatus>(idea.status);
  const [note, setNote] = useState(idea.statusNote ?? '');
  const [intoId, setIntoId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const others = useApi<{ items: Idea[] }>(`/challenges/${idea.challengeId}/ideas?sort=new&limit=100`);

  const saveStatus = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      onChange(await api<Idea>('PATCH', `/ideas/${idea.id}`, { status, note: note.trim() || null }));
      setSaved(t('host.statusSaved'));
    } catch (err) {
      setError(err);
    }
  };
  const merge = async (e: FormEvent) => {
    e.preventDefault();
    if (!intoId || !window.confirm(t('host.confirmMerge'))) return;
    setError(null);
    try {
      await api('POST', `/ideas/${idea.id}/merge`, { intoId });
      onChange({ ...idea, mergedIntoId: intoId });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card stack" aria-label={t('host.label')}>
      <form className="stack-sm" onSubmit={saveStatus}>
        <h2 className="section-title m-0">{t('host.status')}</h2>
        <Field label={t('host.statusLabel')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus)}>
            <IdeaStatusOptions />
          </select>
        </Field>
        <Field label={t('host.note')} hint={t('host.noteHint')}>
          <textarea {...bindValue(note, setNote)} rows={2} maxLength={2000} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-sm">
            {t('host.saveStatus')}
          </button>
          {saved && (
            <span className="muted small" role="status">
              {saved}
            </span>
          )}
        </div>
      </form>
      <form className="stack-sm" onSubmit={merge}>
        <h2 className="section-title m-0">{t('host.merge')}</h2>
        <Field label={t('host.mergeInto')} hint={t('host.mergeHint')}>
          <select {...bindValue(intoId, setIntoId)}>
            <option value="">—</option>
            {(others.data?.items ?? [])
              .filter((o) => o.id !== idea.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
          </select>
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-danger btn-sm" disabled={!intoId}>
            {t('host.mergeButton')}
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
    </section>
  );
}
