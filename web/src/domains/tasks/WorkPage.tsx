// The work page: one leased item at a time, answered with the keyboard (1–9 pick labels, Enter submits, S skips),
// with feedback after gold items, progress and earnings.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, Markdown, ProgressBar, useApi, usePageTitle, bindValue } from '../../components';
import { formatMoney } from '../../format';
import { ItemData } from './ItemData';
import { answerText, type Earnings, type Lease, type TaskAnswer } from './types';

type State = { kind: 'loading' } | { kind: 'working'; lease: Lease } | { kind: 'done' } | { kind: 'blocked'; message: string };

export function WorkPage() {
  const { t } = useTranslation('tasks');
  const { id } = useParams();
  usePageTitle(t('work'));
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [picked, setPicked] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<{ correct: boolean; expected: TaskAnswer } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const earnings = useApi<Earnings>('/me/task-earnings');
  const inputRef = useRef<HTMLInputElement>(null);

  const next = useCallback(async () => {
    setPicked([]);
    setText('');
    try {
      const lease = await api<Lease | undefined>('POST', `/task-batches/${id}/assignments`, {});
      setState(lease ? { kind: 'working', lease } : { kind: 'done' });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'not_qualified' || e.code === 'batch_not_open'))
        setState({ kind: 'blocked', message: e.message });
      else setError(e);
    }
  }, [id]);

  useEffect(() => {
    void next();
  }, [next]);

  const lease = state.kind === 'working' ? state.lease : null;
  const kind = lease?.batch.answer.kind;
  const labels = lease?.batch.answer.labels ?? [];

  const answer = (): TaskAnswer | null => {
    if (!lease) return null;
    if (kind === 'label') return picked.length ? labels[picked[0]!]! : null;
    if (kind === 'labels') return [...picked].sort((a, b) => a - b).map((k) => labels[k]!);
    if (kind === 'number') return text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text);
    return text.trim() ? text : null;
  };

  const submit = async () => {
    const value = answer();
    if (!lease || value === null || sending) return;
    setSending(true);
    setError(null);
    try {
      const res = await api<{ gold?: { correct: boolean; expected: TaskAnswer } }>('POST', `/assignments/${lease.id}/submit`, {
        answer: value,
      });
      setFeedback(res.gold ?? null);
      earnings.reload();
      await next();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const skip = async () => {
    if (!lease || sending) return;
    setSending(true);
    try {
      await api('POST', `/assignments/${lease.id}/skip`, {});
      setFeedback(null);
      await next();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const toggle = (k: number) => {
    if (k >= labels.length) return;
    setPicked((p) => (kind === 'label' ? [k] : p.includes(k) ? p.filter((x) => x !== k) : [...p, k]));
  };

  // Keyboard: digits pick labels, Enter submits, S skips (typing in a field only Enter submits).
  const handler = useRef<(e: KeyboardEvent) => void>(() => {});
  handler.current = (e: KeyboardEvent) => {
    if (!lease || e.ctrlKey || e.metaKey || e.altKey) return;
    // A radio button or checkbox of a label is no text field: digits still pick there.
    const typing =
      (e.target instanceof HTMLInputElement && e.target.type !== 'radio' && e.target.type !== 'checkbox') ||
      e.target instanceof HTMLTextAreaElement;
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (!typing && (kind === 'label' || kind === 'labels') && /^[1-9]$/.test(e.key)) {
      toggle(Number(e.key) - 1);
    } else if (!typing && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      void skip();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => handler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  useEffect(() => {
    if (lease && (kind === 'number' || kind === 'text')) inputRef.current?.focus();
  }, [lease, kind]);

  const earned = earnings.data?.balances ?? [];
  const pending = earnings.data?.pending ?? [];

  return (
    <div className="stack task-work">
      <div className="row-between">
        <h1 className="m-0">{lease?.batch.title ?? t('work')}</h1>
        <section className="row muted small" aria-label={t('earnings')}>
          <span>
            {t('earned')}: {earned.length ? earned.map((b) => formatMoney(b.amount, b.currency)).join(' · ') : '—'}
          </span>
          {pending.length > 0 && (
            <span>
              · {t('pendingPay')}: {pending.map((b) => formatMoney(b.amount, b.currency)).join(' · ')}
            </span>
          )}
          <Link to="/me/tasks">{t('myWork')}</Link>
        </section>
      </div>
      {feedback && (
        <p className={`banner ${feedback.correct ? 'banner-success' : 'banner-error'}`} role="status">
          {feedback.correct ? t('feedbackRight') : t('feedbackWrong', { expected: answerText(feedback.expected) })}
        </p>
      )}
      <ErrorBanner error={error} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'done' && (
        <EmptyState icon="check" title={t('allDone')}>
          {t('allDoneLead')}
        </EmptyState>
      )}
      {state.kind === 'blocked' && (
        <div className="banner banner-error" role="alert">
          {state.message}
        </div>
      )}
      {lease && (
        <>
          <ProgressBar
            label={t('progress')}
            value={lease.progress.done}
            max={Math.max(lease.progress.total, 1)}
            detail={t('progressDetail', { done: lease.progress.done, total: lease.progress.total })}
          />
          <div className="task-work-grid">
            <section className="card stack-sm">
              <h2 className="section-title">{t('item')}</h2>
              <ItemData data={lease.item.data} />
            </section>
            <section className="card stack-sm">
              <h2 className="section-title">{t('yourAnswer')}</h2>
              {(kind === 'label' || kind === 'labels') && (
                <LabelChoices labels={labels} picked={picked} single={kind === 'label'} label={t('yourAnswer')} onToggle={toggle} />
              )}
              {(kind === 'number' || kind === 'text') && (
                <input
                  ref={inputRef}
                  aria-label={t('yourAnswer')}
                  type={kind === 'number' ? 'number' : 'text'}
                  {...bindValue(text, setText)}
                />
              )}
              <div className="row">
                <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={answer() === null || sending}>
                  {t('submit')} <kbd>Enter</kbd>
                </button>
                <button type="button" className="btn" onClick={() => void skip()} disabled={sending}>
                  {t('skip')} <kbd>S</kbd>
                </button>
              </div>
              <p className="muted small">{t('shortcuts')}</p>
              <details>
                <summary>{t('instructions')}</summary>
                <Markdown html={lease.batch.instructionsHtml} />
              </details>
              {lease.batch.reward && (
                <p className="muted small">
                  {t('rewardEach', { amount: formatMoney(lease.batch.reward.amount, lease.batch.reward.currency) })}
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

interface LabelChoicesProps {
  labels: string[];
  /** Indexes of the chosen labels. */
  picked: number[];
  /** One label only (radio buttons), else any number (checkboxes). */
  single: boolean;
  label: string;
  onToggle: (index: number) => void;
}

/** The labels as radio buttons (one label) or checkboxes (several), drawn as buttons and numbered for the keyboard shortcuts. */
function LabelChoices({ labels, picked, single, label, onToggle }: LabelChoicesProps) {
  const name = useId();
  const choices = labels.map((l, k) => (
    <label key={l} className={`btn task-label ${picked.includes(k) ? 'btn-primary' : ''}`}>
      <input
        className="sr-only"
        type={single ? 'radio' : 'checkbox'}
        name={name}
        checked={picked.includes(k)}
        onChange={() => onToggle(k)}
      />
      {k < 9 && <kbd>{k + 1}</kbd>} {l}
    </label>
  ));
  return single ? (
    <div className="task-labels" role="radiogroup" aria-label={label}>
      {choices}
    </div>
  ) : (
    <fieldset className="task-labels fieldset-bare" aria-label={label}>
      {choices}
    </fieldset>
  );
}
