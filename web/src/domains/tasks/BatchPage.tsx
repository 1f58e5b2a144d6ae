// One batch: for hosts, items upload (with progress), publish / pause / close, answers to review and links to
// results; for workers, the instructions and the way into the work.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Loading,
  Markdown,
  ProgressBar,
  usePageTitle,
  useApi,
  usePagedList,
  ListState,
  TableHead,
  useMutation,
} from '../../components';
import { formatMoney, formatNumber, formatPercent } from '../../format';
import { ItemData } from './ItemData';
import { StatusBadge } from './TasksTab';
import { answerText, type Batch, type Submission } from './types';
import { uploadFile } from './upload';

export function BatchPage() {
  const { t } = useTranslation('tasks');
  const { id } = useParams();
  const batch = useApi<Batch>(`/task-batches/${id}`);
  usePageTitle(batch.data?.title ?? t('batch'));
  // A reload (after an upload or a status change) keeps the page, and its messages, on screen.
  if (!batch.data) return batch.loading ? <Loading /> : <ErrorBanner error={batch.error} />;
  const b = batch.data;
  return (
    <div className="stack">
      <div className="row-between">
        <div className="stack-sm">
          <h1 className="m-0">{b.title}</h1>
          <span className="row muted small">
            <StatusBadge status={b.status} />
            <span>{t('itemsCount', { count: b.itemsCount, n: formatNumber(b.itemsCount) })}</span>
            {b.goldCount > 0 && <span>· {t('goldCount', { n: formatNumber(b.goldCount) })}</span>}
            <span>· {b.reward ? t('rewardEach', { amount: formatMoney(b.reward.amount, b.reward.currency) }) : t('volunteer')}</span>
            <span>
              ·{' '}
              {b.dynamic
                ? t('dynamicOverlap', {
                    min: b.dynamic.minOverlap,
                    max: b.dynamic.maxOverlap,
                    confidence: formatPercent(b.dynamic.confidence),
                  })
                : t('fixedOverlap', { count: b.overlap ?? 0, n: b.overlap })}
            </span>
          </span>
        </div>
        <div className="row">
          {b.status === 'published' && (
            <Link className="btn btn-primary" to={`/task-batches/${b.id}/work`}>
              {t('startWorking')}
            </Link>
          )}
          {b.isHost && (
            <Link className="btn" to={`/task-batches/${b.id}/results`}>
              {t('results')}
            </Link>
          )}
        </div>
      </div>
      <section className="card stack-sm">
        <h2 className="section-title">{t('instructions')}</h2>
        <Markdown html={b.instructionsHtml} />
        <p className="muted small">{t(`kindHint.${b.answer.kind}`, { labels: b.answer.labels.join(', ') })}</p>
      </section>
      {b.isHost && <HostPanel batch={b} onChange={batch.reload} />}
    </div>
  );
}

function HostPanel({ batch, onChange }: { batch: Batch; onChange: () => void }) {
  const { t } = useTranslation('tasks');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<{ inserted: number; total: number } | null>(null);
  const {
    busy,
    error,
    run: act,
    setError,
  } = useMutation(async (action: 'publish' | 'pause' | 'close') => {
    await api(
      'POST',
      `/task-batches/${batch.id}/${action}`,
      {},
      action === 'pause' ? {} : { headers: { 'idempotency-key': idempotencyKey() } },
    );
    onChange();
  });

  const upload = async (file: File) => {
    setError(null);
    setUploaded(null);
    setProgress(0);
    const type = /\.(jsonl|ndjson)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
    try {
      const res = await uploadFile<{ inserted: number; total: number }>(`/task-batches/${batch.id}/items`, file, type, setProgress);
      setUploaded(res);
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <section className="card stack-sm">
        <h2 className="section-title">{t('manage')}</h2>
        <ErrorBanner error={error} />
        {batch.status === 'draft' && (
          <div className="stack-sm">
            <label className="stack-sm">
              <span className="fw-600">{t('uploadItems')}</span>
              <span className="muted small">{t('uploadHint')}</span>
              <input
                type="file"
                accept=".csv,.jsonl,.ndjson,text/csv"
                aria-label={t('uploadItems')}
                onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
                disabled={progress !== null}
              />
            </label>
            {progress !== null && (
              <ProgressBar label={progress < 1 ? t('uploading') : t('processing')} value={Math.round(progress * 100)} />
            )}
            {uploaded && (
              <p className="banner banner-success" role="status">
                {t('uploaded', { inserted: formatNumber(uploaded.inserted), total: formatNumber(uploaded.total) })}
              </p>
            )}
          </div>
        )}
        {batch.budget && batch.status !== 'draft' && (
          <p className="muted small">{t('budget', { amount: formatMoney(batch.budget.funded, batch.budget.currency) })}</p>
        )}
        {batch.reward && batch.status === 'draft' && (
          <p className="muted small">
            {t('budgetToFund', {
              amount: formatMoney(
                batch.reward.amount * (batch.dynamic?.maxOverlap ?? batch.overlap ?? 1) * batch.itemsCount,
                batch.reward.currency,
              ),
            })}
          </p>
        )}
        <div className="row">
          {(batch.status === 'draft' || batch.status === 'paused') && (
            <button type="button" className="btn btn-primary" disabled={busy || batch.itemsCount === 0} onClick={() => act('publish')}>
              {t('publish')}
            </button>
          )}
          {batch.status === 'published' && (
            <button type="button" className="btn" disabled={busy} onClick={() => act('pause')}>
              {t('pause')}
            </button>
          )}
          {batch.status !== 'closed' && batch.status !== 'draft' && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => window.confirm(t('closeConfirm')) && act('close')}
            >
              {t('close')}
            </button>
          )}
        </div>
      </section>
      {batch.status !== 'draft' && <ReviewQueue batch={batch} />}
    </>
  );
}

function ReviewQueue({ batch }: { batch: Batch }) {
  const { t } = useTranslation('tasks');
  const list = usePagedList<Submission>(`/task-batches/${batch.id}/submissions?review=pending`, 20);
  const [error, setError] = useState<unknown>(null);
  const decide = async (s: Submission, decision: 'approve' | 'reject') => {
    const reason = decision === 'reject' ? window.prompt(t('rejectReason')) : undefined;
    if (decision === 'reject' && !reason) return;
    try {
      await api(
        'POST',
        `/assignments/${s.id}/review`,
        { decision, ...(reason ? { reason } : {}) },
        { headers: { 'idempotency-key': idempotencyKey() } },
      );
      list.setItems((items) => items.filter((x) => x.id !== s.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card stack-sm">
      <h2 className="section-title">{t('toReview')}</h2>
      <p className="muted small">{t('autoApprove')}</p>
      <ErrorBanner error={error} />
      <ListState list={list} empty={<EmptyState icon="check" title={t('nothingToReview')} />}>
        {(items) => (
          <table className="table">
            <TableHead columns={[t('item'), t('worker'), t('answer'), '']} />
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <ItemData data={s.data} compact />
                  </td>
                  <td>{s.workerName ?? s.workerId}</td>
                  <td>
                    {answerText(s.answer)}{' '}
                    {s.isGold && (
                      <span className={`badge ${s.goldCorrect ? 'badge-success' : 'badge-danger'}`}>
                        {t(s.goldCorrect ? 'goldRight' : 'goldWrong')}
                      </span>
                    )}
                  </td>
                  <td className="row">
                    <button type="button" className="btn btn-sm btn-primary" onClick={() => decide(s, 'approve')}>
                      {t('approve')}
                    </button>
                    <button type="button" className="btn btn-sm" onClick={() => decide(s, 'reject')}>
                      {t('reject')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}
