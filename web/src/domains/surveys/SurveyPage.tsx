// /surveys/:id: the answering page (one question per card, a progress bar, Back/Next) and the hosts' controls.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, Markdown, ProgressBar, useApi, usePageTitle, useMutation } from '../../components';
import { formatDate, formatNumber } from '../../format';
import { useSession } from '../../session';
import { QuestionInput, answerProblem } from './QuestionInput';
import { StatusBadge } from './StatusBadge';
import type { AnswerValue, Survey } from './types';

export function SurveyPage() {
  const { t } = useTranslation('surveys');
  const { id } = useParams();
  const { data: survey, error, loading, reload, setData } = useApi<Survey>(`/surveys/${encodeURIComponent(id!)}`);
  usePageTitle(survey?.title ?? t('title'));
  if (loading && !survey) return <Loading />;
  if (error || !survey) {
    if (error instanceof ApiError && error.status === 404) return <EmptyState icon="compass" title={t('notFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  return (
    <div className="medium stack">
      <div className="stack-sm">
        <div className="row">
          <StatusBadge status={survey.status} />
          <span className="muted small">{t('responsesCount', { count: survey.responses, n: formatNumber(survey.responses) })}</span>
        </div>
        <h1>{survey.title}</h1>
        {survey.descriptionHtml && <Markdown html={survey.descriptionHtml} />}
      </div>
      {survey.viewer.isHost && <HostBar survey={survey} onChange={setData} />}
      <Answering survey={survey} onAnswered={reload} />
    </div>
  );
}

/** Open, close, edit, results and export, for the project's hosts. */
function HostBar({ survey, onChange }: { survey: Survey; onChange: (s: Survey) => void }) {
  const { t } = useTranslation('surveys');
  const navigate = useNavigate();
  const {
    busy,
    error,
    run: act,
    setError,
  } = useMutation(async (path: string) => {
    onChange(await api<Survey>('POST', `/surveys/${survey.id}/${path}`));
  });
  const remove = async () => {
    if (!window.confirm(t('host.confirmDelete'))) return;
    try {
      await api('DELETE', `/surveys/${survey.id}`);
      navigate(-1);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card stack-sm" aria-label={t('host.label')}>
      <div className="row">
        {survey.status === 'draft' && (
          <>
            <Link className="btn btn-sm" to={`/surveys/${survey.id}/edit`}>
              {t('host.edit')}
            </Link>
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => act('open')}>
              {t('host.open')}
            </button>
            <button type="button" className="btn btn-danger btn-sm" onClick={remove}>
              {t('host.delete')}
            </button>
          </>
        )}
        {survey.status === 'open' && (
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => act('close')}>
            {t('host.close')}
          </button>
        )}
        {survey.status === 'closed' && (
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => act('open')}>
            {t('host.reopen')}
          </button>
        )}
        <Link className="btn btn-sm" to={`/surveys/${survey.id}/results`}>
          {t('host.results')}
        </Link>
        {survey.status !== 'draft' && (
          <a className="btn btn-ghost btn-sm" href={`/api/v1/surveys/${survey.id}/results.csv`} download>
            {t('host.exportCsv')}
          </a>
        )}
      </div>
      <p className="muted small m-0">
        {survey.anonymous ? t('host.anonymousOn') : t('host.anonymousOff')} ·{' '}
        {survey.resultsPublic ? t('host.resultsPublic') : t('host.resultsPrivate')}
      </p>
      <ErrorBanner error={error} />
    </section>
  );
}

function Answering({ survey, onAnswered }: { survey: Survey; onAnswered: () => Promise<void> }) {
  const { t } = useTranslation('surveys');
  const { me } = useSession();
  const questions = survey.questions;
  const initial = () =>
    Object.fromEntries((survey.myResponse?.answers ?? []).map((a) => [a.questionId, a.value])) as Record<string, AnswerValue | undefined>;
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>(initial);
  const [step, setStep] = useState(0);
  const [editing, setEditing] = useState(!survey.myResponse);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  // A new step moves the focus to its question (not on arrival: the page keeps its own start).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  if (survey.status === 'draft') return <p className="banner banner-info">{t('answer.draftNotice')}</p>;
  if (!questions.length) return null;
  const resultsLink = survey.viewer.canReadResults && (
    <Link className="btn" to={`/surveys/${survey.id}/results`}>
      {t('answer.seeResults')}
    </Link>
  );
  if (survey.status === 'closed') {
    return (
      <div className="card stack-sm">
        <strong>{t('answer.closed')}</strong>
        {survey.myResponse && <p className="muted">{t('answer.youAnswered', { date: formatDate(survey.myResponse.updatedAt) })}</p>}
        <div className="row">{resultsLink}</div>
      </div>
    );
  }
  if (!survey.viewer.canAnswer) {
    return (
      <div className="card stack-sm">
        <strong>{t('answer.signInToAnswer')}</strong>
        <div className="row">
          <Link className="btn btn-primary" to={`/signin?next=${encodeURIComponent(`/surveys/${survey.id}`)}`}>
            {t('answer.signIn')}
          </Link>
          {resultsLink}
        </div>
      </div>
    );
  }
  if (done || !editing) {
    return (
      <div className="card stack-sm" role="status">
        <strong>{done ? t('answer.thanks') : t('answer.alreadyAnswered')}</strong>
        <p className="muted m-0">
          {t('answer.canEdit')}
          {!me && survey.anonymous ? ` ${t('answer.anonymousNote')}` : ''}
        </p>
        <div className="row">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDone(false);
              setEditing(true);
              setStep(0);
            }}
          >
            {t('answer.change')}
          </button>
          {resultsLink}
        </div>
      </div>
    );
  }

  const q = questions[step]!;
  const last = step === questions.length - 1;
  const promptId = `prompt-${q.id}`;

  const submit = async () => {
    const payload = questions.filter((x) => answers[x.id] !== undefined).map((x) => ({ questionId: x.id, value: answers[x.id] }));
    setSending(true);
    setError(null);
    try {
      await api('POST', `/surveys/${survey.id}/responses`, { answers: payload });
      setDone(true);
      setEditing(false);
      await onAnswered();
    } catch (e) {
      // A 400 names body.answers[i].value: go back to that question.
      if (e instanceof ApiError && Array.isArray(e.details)) {
        const m = /answers\[(\d+)\]/.exec((e.details[0] as { field?: string }).field ?? '');
        const wrong = m ? payload[Number(m[1])] : undefined;
        const index = wrong ? questions.findIndex((x) => x.id === wrong.questionId) : -1;
        if (index >= 0) {
          setStep(index);
          setProblem((e.details[0] as { message: string }).message);
        }
      }
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    let value = answers[q.id];
    if (q.kind === 'ranking' && value === undefined && q.required) {
      value = [...q.options];
      setAnswers((a) => ({ ...a, [q.id]: value }));
    }
    const p = answerProblem(q, value, t);
    setProblem(p);
    if (p) return;
    if (last) void submit();
    else setStep(step + 1);
  };

  return (
    <form className="card stack sv-card" onSubmit={next} noValidate aria-label={t('answer.formLabel')}>
      <ProgressBar
        label={t('answer.progress', { n: step + 1, total: questions.length })}
        value={step + (last ? 1 : 0)}
        max={questions.length}
        hideLabel={false}
      />
      <div className="stack-sm">
        <h2 id={promptId} ref={headingRef} tabIndex={-1} className="sv-prompt">
          {q.prompt}
          {q.required && (
            <span className="required-mark">
              <span aria-hidden="true">*</span>
              <span className="sr-only">{t('answer.requiredMark')}</span>
            </span>
          )}
        </h2>
        <QuestionInput
          key={q.id}
          question={q}
          value={answers[q.id]}
          onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          labelledBy={promptId}
          error={problem}
        />
        {problem && (
          <span className="field-error text-danger" role="alert">
            {problem}
          </span>
        )}
      </div>
      {error && !problem ? <ErrorBanner error={error} /> : null}
      <div className="row-between">
        <button
          type="button"
          className="btn"
          disabled={step === 0}
          onClick={() => {
            setProblem(null);
            setStep(step - 1);
          }}
        >
          {t('answer.back')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {last ? (survey.myResponse ? t('answer.update') : t('answer.submit')) : t('answer.next')}
        </button>
      </div>
    </form>
  );
}
