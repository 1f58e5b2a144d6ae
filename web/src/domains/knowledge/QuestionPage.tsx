// /questions/:id: the question with its votes, its answers (accepted first), accept buttons for the asker, an answer form, comments.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import {
  Comments,
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  Markdown,
  Time,
  useApi,
  usePageTitle,
  useMutation,
  bindValue,
} from '../../components';
import { formatNumber } from '../../format';
import { useSession } from '../../session';
import type { Answer, Question } from './types';
import { VoteControl } from './VoteControl';

export function QuestionPage() {
  const { t } = useTranslation('knowledge');
  const { id } = useParams();
  const { me } = useSession();
  const { data: question, error, loading, reload, setData } = useApi<Question>(`/questions/${encodeURIComponent(id!)}`);
  const [acceptError, setAcceptError] = useState<unknown>(null);
  usePageTitle(question?.title ?? t('title'));
  if (loading && !question) return <Loading />;
  if (error || !question) {
    if (error instanceof ApiError && error.status === 404) return <EmptyState icon="compass" title={t('notFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  const accept = async (answer: Answer) => {
    setAcceptError(null);
    try {
      setData(await api<Question>(answer.accepted ? 'DELETE' : 'POST', `/answers/${answer.id}/accept`));
    } catch (e) {
      setAcceptError(e);
    }
  };
  return (
    <div className="medium stack">
      <Link to={question.projectId ? `/p/${question.projectId}/questions` : '/questions'} className="small">
        ← {t('back')}
      </Link>
      <article className="card qa-post">
        <VoteControl
          key={`q-${question.id}`}
          path={`/questions/${question.id}`}
          score={question.score}
          vote={question.viewer.vote}
          disabled={!me || question.viewer.isAuthor}
          disabledReason={!me ? t('vote.signIn') : t('vote.own')}
          label={t('vote.question')}
        />
        <div className="qa-post-main stack-sm">
          <h1 className="m-0">{question.title}</h1>
          <span className="muted small">
            {t('askedBy', { name: question.author.name, reputation: formatNumber(question.author.reputation) })} ·{' '}
            <Time iso={question.createdAt} />
          </span>
          {question.bodyHtml && <Markdown html={question.bodyHtml} />}
          {question.tags.length > 0 && (
            <div className="row">
              {question.tags.map((tag) => (
                <Link
                  key={tag}
                  className="badge badge-muted"
                  to={
                    question.projectId
                      ? `/p/${question.projectId}/questions?tag=${encodeURIComponent(tag)}`
                      : `/questions?tag=${encodeURIComponent(tag)}`
                  }
                >
                  #{tag}
                </Link>
              ))}
            </div>
          )}
        </div>
      </article>

      <section className="stack" aria-labelledby="qa-answers">
        <h2 id="qa-answers" className="section-title m-0">
          {t('answersCount', { count: question.answers.length })}
        </h2>
        <ErrorBanner error={acceptError} />
        {question.answers.map((a) => (
          <article
            key={a.id}
            className={`card qa-post${a.accepted ? ' is-accepted' : ''}`}
            aria-label={t('answerBy', { name: a.author.name })}
          >
            <VoteControl
              key={`a-${a.id}`}
              path={`/answers/${a.id}`}
              score={a.score}
              vote={a.viewer.vote}
              disabled={!me || a.viewer.isAuthor}
              disabledReason={!me ? t('vote.signIn') : t('vote.own')}
              label={t('vote.answer', { name: a.author.name })}
            />
            <div className="qa-post-main stack-sm">
              {a.accepted && <span className="badge badge-success qa-accepted-badge">✓ {t('accepted')}</span>}
              <Markdown html={a.bodyHtml} />
              <div className="row-between">
                <span className="muted small">
                  {t('answeredBy', { name: a.author.name, reputation: formatNumber(a.author.reputation) })} · <Time iso={a.createdAt} />
                </span>
                {question.viewer.canAccept && (
                  <button type="button" className={`btn btn-sm${a.accepted ? '' : ' btn-success'}`} onClick={() => accept(a)}>
                    {a.accepted ? t('unaccept') : t('accept')}
                  </button>
                )}
              </div>
            </div>
          </article>
        ))}
        <AnswerForm questionId={question.id} onDone={reload} />
      </section>
      <Comments subject={`question:${question.id}`} />
    </div>
  );
}

function AnswerForm({ questionId, onDone }: { questionId: string; onDone: () => void }) {
  const { t } = useTranslation('knowledge');
  const { me } = useSession();
  const location = useLocation();
  const [body, setBody] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    await api('POST', `/questions/${questionId}/answers`, { body });
    setBody('');
    onDone();
  });
  if (!me) {
    return (
      <p className="muted">
        <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('signInToAnswer')}</Link>
      </p>
    );
  }
  return (
    <form className="card stack-sm" onSubmit={submit} noValidate>
      <h3 className="m-0">{t('yourAnswer')}</h3>
      <Field label={t('answerLabel')} hint={t('answerHint')} {...field('body')}>
        <textarea {...bindValue(body, setBody)} rows={6} />
      </Field>
      <ErrorBanner error={error} fields={['body']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('postAnswer')}
        </button>
      </div>
    </form>
  );
}
