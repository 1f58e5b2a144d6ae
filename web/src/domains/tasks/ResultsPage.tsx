// Results of a batch for its hosts: the aggregation method to use, a chart of the answers, a comparison of the
// methods, the items with their answer, confidence and the answers behind it, the workers, and the downloads.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { api, idempotencyKey } from '../../api';
import { ErrorBanner, LoadMore, Loading, useApi, usePageTitle, usePagedList, bindValue, TableHead } from '../../components';
import { formatMoney, formatNumber, formatPercent, parseMoney } from '../../format';
import { ItemData } from './ItemData';
import { answerText, type Batch, type ResultItem, type TaskAnswer, type WorkerRow } from './types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

interface ResultsHead {
  method: string;
  methods: string[];
  totalItems: number;
  answeredItems: number;
}

export function ResultsPage() {
  const { t } = useTranslation('tasks');
  const { id } = useParams();
  const batch = useApi<Batch>(`/task-batches/${id}`);
  const [method, setMethod] = useState<string | null>(null);
  const query = method ? `?method=${method}` : '';
  const head = useApi<ResultsHead & { items: ResultItem[] }>(`/task-batches/${id}/results${query}${query ? '&' : '?'}limit=1`);
  const list = usePagedList<ResultItem>(`/task-batches/${id}/results${query}`, 50);
  const workers = useApi<{ items: WorkerRow[]; labels: string[] }>(`/task-batches/${id}/workers${query}`);
  usePageTitle(t('resultsOf', { title: batch.data?.title ?? '' }));
  const [bonusError, setBonusError] = useState<unknown>(null);
  const bonus = async (w: WorkerRow) => {
    const currency = batch.data?.reward?.currency;
    if (!currency) return;
    const amount = parseMoney(window.prompt(t('bonusAmount', { name: w.name ?? w.workerId, currency })) ?? '', currency);
    if (!amount) return;
    const reason = window.prompt(t('bonusReason'));
    if (!reason) return;
    try {
      setBonusError(null);
      await api(
        'POST',
        `/task-batches/${id}/bonuses`,
        { workerId: w.workerId, amount, reason },
        { headers: { 'idempotency-key': idempotencyKey() } },
      );
      workers.reload();
    } catch (e) {
      setBonusError(e);
    }
  };
  if (!batch.data || !head.data) return batch.loading || head.loading ? <Loading /> : <ErrorBanner error={batch.error ?? head.error} />;
  const b = batch.data;
  const current = method ?? head.data.method;
  return (
    <div className="stack">
      <div className="row-between">
        <div className="stack-sm">
          <Link to={`/task-batches/${b.id}`} className="small">
            ← {b.title}
          </Link>
          <h1 className="m-0">{t('results')}</h1>
          <span className="muted small">
            {t('answeredOf', { answered: formatNumber(head.data.answeredItems), total: formatNumber(head.data.totalItems) })}
          </span>
        </div>
        <div className="row">
          <label className="row">
            <span>{t('method')}</span>
            <select aria-label={t('method')} {...bindValue(current, setMethod)}>
              {head.data.methods.map((m) => (
                <option key={m} value={m}>
                  {t(`methods.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <a className="btn" href={`/api/v1/task-batches/${b.id}/results.csv?method=${current}`} download>
            {t('downloadCsv')}
          </a>
          <a className="btn" href={`/api/v1/task-batches/${b.id}/results.json?method=${current}`} download>
            {t('downloadJson')}
          </a>
        </div>
      </div>
      <p className="muted small">{t(`methodHelp.${current}`)}</p>
      <MethodCharts batch={b} methods={head.data.methods} current={current} totalItems={head.data.totalItems} />
      <section className="card stack-sm">
        <h2 className="section-title">{t('items')}</h2>
        <ErrorBanner error={list.error} />
        <table className="table">
          <TableHead
            columns={[
              t('externalId'),
              t('item'),
              t('answer'),
              b.answer.kind === 'number' ? t('stdError') : t('confidence'),
              t('answersBehind'),
            ]}
          />
          <tbody>
            {list.items.map((i) => (
              <tr key={i.itemId}>
                <td>
                  {i.externalId ?? '—'} {i.gold && <span className="badge badge-muted">{t('gold')}</span>}
                </td>
                <td>
                  <ItemData data={i.data} compact />
                </td>
                <td className="fw-600">{answerText(i.answer)}</td>
                <td>
                  {b.answer.kind === 'number'
                    ? i.stdError === null
                      ? '—'
                      : formatNumber(i.stdError, { maximumFractionDigits: 2 })
                    : i.confidence === null
                      ? '—'
                      : formatPercent(i.confidence, 1)}
                </td>
                <td className="small muted">{i.votes.map((a) => answerText(a.answer)).join(' · ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      </section>
      <section className="card stack-sm">
        <h2 className="section-title">{t('workers')}</h2>
        <ErrorBanner error={bonusError} />
        {workers.loading && !workers.data ? (
          <Loading />
        ) : workers.error ? (
          <ErrorBanner error={workers.error} />
        ) : (
          <table className="table">
            <TableHead
              columns={[
                t('worker'),
                t('answersCount'),
                t('goldAccuracy'),
                b.answer.kind === 'number' ? t('noise') : t('quality'),
                t('reviews'),
                t('earnings'),
                b.reward && { label: '' },
              ]}
            />
            <tbody>
              {workers.data!.items.map((w) => (
                <tr key={w.workerId}>
                  <td>
                    {w.name ?? w.workerId} {w.imported && <span className="badge badge-muted">{t('imported')}</span>}
                  </td>
                  <td>{formatNumber(w.answers)}</td>
                  <td>{w.goldAccuracy === null ? '—' : `${formatPercent(w.goldAccuracy)} (${w.goldAnswers})`}</td>
                  <td title={w.confusion ? confusionText(w.confusion, workers.data!.labels) : undefined}>
                    {w.quality === null
                      ? '—'
                      : b.answer.kind === 'number'
                        ? formatNumber(w.quality, { maximumFractionDigits: 2 })
                        : formatPercent(w.quality)}
                  </td>
                  <td className="small">{t('reviewCounts', { approved: w.approved, rejected: w.rejected, pending: w.pending })}</td>
                  <td>{w.earnings ? formatMoney(w.earnings.amount, w.earnings.currency) : '—'}</td>
                  {b.reward && (
                    <td>
                      {!w.imported && (
                        <button type="button" className="btn btn-sm" onClick={() => void bonus(w)}>
                          {t('bonus')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

const confusionText = (m: number[][], labels: string[]) =>
  m.map((row, c) => `${labels[c]} → ${row.map((p, k) => `${labels[k]} ${Math.round(p * 100)}%`).join(', ')}`).join('\n');

/** The answers' distribution under the chosen method, and how the methods compare (agreement, mean confidence). */
function MethodCharts({ batch, methods, current, totalItems }: { batch: Batch; methods: string[]; current: string; totalItems: number }) {
  const { t } = useTranslation('tasks');
  const [all, setAll] = useState<Record<string, { answer: TaskAnswer | null; confidence: number | null }[]>>({});
  const [error, setError] = useState<unknown>(null);
  // Comparing every method needs every item under each: done for batches of up to 20,000 items.
  const compare = totalItems <= 20_000;
  useEffect(() => {
    let live = true;
    const wanted = compare ? methods : [current];
    Promise.all(
      wanted.map((m) =>
        api<{ items: { answer: TaskAnswer | null; confidence: number | null }[] }>(
          'GET',
          `/task-batches/${batch.id}/results.json?method=${m}`,
        ).then((r) => [m, r.items] as const),
      ),
    )
      .then((pairs) => live && setAll(Object.fromEntries(pairs)))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [batch.id, methods, current, compare]);
  const dist = useMemo(() => {
    const items = all[current] ?? [];
    const counts = new Map<string, number>();
    for (const i of items) {
      if (i.answer === null) continue;
      const key = batch.answer.kind === 'number' ? String(Math.round(Number(i.answer))) : answerText(i.answer);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys =
      batch.answer.kind === 'label'
        ? batch.answer.labels.filter((l) => counts.has(l))
        : [...counts.keys()].sort((a, b) => (batch.answer.kind === 'number' ? Number(a) - Number(b) : a.localeCompare(b))).slice(0, 30);
    return { keys, values: keys.map((k) => counts.get(k) ?? 0) };
  }, [all, current, batch]);
  const comparison = useMemo(() => {
    const base = all[current];
    if (!base || !compare) return null;
    return methods.map((m) => {
      const items = all[m] ?? [];
      let same = 0;
      let answered = 0;
      let conf = 0;
      let confN = 0;
      items.forEach((i, k) => {
        if (i.answer === null || base[k]?.answer === null) return;
        answered++;
        if (answerText(i.answer) === answerText(base[k]!.answer)) same++;
        if (i.confidence !== null) {
          conf += i.confidence;
          confN++;
        }
      });
      return { method: m, agreement: answered ? same / answered : 0, confidence: confN ? conf / confN : null };
    });
  }, [all, current, methods, compare]);
  if (error) return <ErrorBanner error={error} />;
  return (
    <div className="task-charts">
      <section className="card stack-sm">
        <h2 className="section-title">{t('distribution', { method: t(`methods.${current}`) })}</h2>
        <div className="task-chart">
          <Bar
            aria-label={t('distribution', { method: t(`methods.${current}`) })}
            data={{
              labels: dist.keys,
              datasets: [{ label: t('itemsLabel'), data: dist.values, backgroundColor: 'rgba(79, 70, 229, 0.75)' }],
            }}
            options={{
              maintainAspectRatio: false,
              animation: false,
              plugins: { legend: { display: false } },
              scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            }}
          />
        </div>
      </section>
      {comparison && (
        <section className="card stack-sm">
          <h2 className="section-title">{t('comparison')}</h2>
          <div className="task-chart">
            <Bar
              aria-label={t('comparison')}
              data={{
                labels: comparison.map((c) => t(`methods.${c.method}`)),
                datasets: [
                  {
                    label: t('agreement', { method: t(`methods.${current}`) }),
                    data: comparison.map((c) => c.agreement * 100),
                    backgroundColor: 'rgba(79, 70, 229, 0.75)',
                  },
                  ...(batch.answer.kind === 'number'
                    ? []
                    : [
                        {
                          label: t('meanConfidence'),
                          data: comparison.map((c) => (c.confidence ?? 0) * 100),
                          backgroundColor: 'rgba(15, 159, 117, 0.7)',
                        },
                      ]),
                ],
              }}
              options={{
                maintainAspectRatio: false,
                animation: false,
                scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } } },
              }}
            />
          </div>
        </section>
      )}
    </div>
  );
}
