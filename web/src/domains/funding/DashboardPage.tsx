// /campaigns/:id/dashboard, for the campaign's hosts: money pledged over time, totals per status, the backers
// with their rewards and shipping countries (CSV export), refunds; operators can end and settle the campaign.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  Modal,
  fieldError,
  useApi,
  usePageTitle,
  usePagedList,
  ListState,
  bindValue,
  TableHead,
} from '../../components';
import { formatDate, formatMoney, formatNumber, parseMoney } from '../../format';
import { useSession } from '../../session';
import { RaisedChart } from './RaisedChart';
import type { Campaign, HostPledge, Stats } from './types';
import { statusTone, timeLeft } from './util';

export function DashboardPage() {
  const { t } = useTranslation('funding');
  const { id } = useParams();
  const { me } = useSession();
  const campaign = useApi<Campaign>(`/campaigns/${id}`);
  const stats = useApi<Stats>(`/campaigns/${id}/stats`);
  const [statusFilter, setStatusFilter] = useState('');
  const pledges = usePagedList<HostPledge>(`/campaigns/${id}/pledges${statusFilter ? `?status=${statusFilter}` : ''}`, 50);
  const [refunding, setRefunding] = useState<HostPledge | null>(null);
  const [settleError, setSettleError] = useState<unknown>(null);
  usePageTitle(campaign.data ? t('dashboard.title', { title: campaign.data.title }) : t('dashboard.titlePlain'));

  if (campaign.loading || stats.loading) return <Loading />;
  if (campaign.error || stats.error)
    return <ErrorBanner error={campaign.error ?? stats.error} onRetry={() => void Promise.all([campaign.reload(), stats.reload()])} />;
  const c = campaign.data!;
  const s = stats.data!;
  const reload = () => void Promise.all([campaign.reload(), stats.reload(), pledges.reload()]);
  const settle = async () => {
    setSettleError(null);
    try {
      await api('POST', `/campaigns/${c.id}/settle`, { endNow: c.status === 'live' }, { headers: { 'idempotency-key': idempotencyKey() } });
      reload();
    } catch (e) {
      setSettleError(e);
    }
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <p className="muted small m-0">{t('dashboard.kicker')}</p>
          <h1>{c.title}</h1>
          <span className="row small">
            <span className={statusTone(c.status)}>{t(`status.${c.status}`)}</span>
            <span className="muted">
              {c.status === 'live'
                ? timeLeft(t, c.deadline).text
                : c.settledAt
                  ? t('dashboard.settledOn', { date: formatDate(c.settledAt) })
                  : ''}
            </span>
          </span>
        </div>
        <div className="row">
          <a className="btn" href={`/api/v1/campaigns/${c.id}/backers.csv`} download>
            {t('dashboard.csv')}
          </a>
          <Link className="btn btn-ghost" to={`/campaigns/${c.id}/ledger`}>
            {t('ledger.link')}
          </Link>
          {me?.role === 'operator' && !c.settledAt && c.status !== 'draft' && (
            <button type="button" className="btn btn-danger" onClick={() => window.confirm(t('dashboard.settleConfirm')) && void settle()}>
              {c.status === 'live' ? t('dashboard.endAndSettle') : t('dashboard.settle')}
            </button>
          )}
        </div>
      </div>
      <ErrorBanner error={settleError} />

      <div className="funding-kpis">
        <Kpi
          label={t('dashboard.kpiRaised')}
          value={formatMoney(c.raised.amount, c.currency)}
          detail={t('ofGoalShort', { goal: formatMoney(c.goal.amount, c.currency) })}
        />
        <Kpi label={t('dashboard.kpiBackers')} value={formatNumber(c.backers)} />
        {(['pending', 'collected', 'errored', 'refunded'] as const).map((k) => (
          <Kpi
            key={k}
            label={t(`pledgeStatus.${k}`)}
            value={formatNumber(s.byStatus[k]?.pledges ?? 0)}
            detail={formatMoney(s.byStatus[k]?.amount ?? 0, c.currency)}
          />
        ))}
      </div>

      <section className="card stack-sm" aria-labelledby="funding-chart-title">
        <h2 id="funding-chart-title" className="card-title">
          {t('dashboard.chart')}
        </h2>
        {s.days.length ? <RaisedChart stats={s} /> : <p className="muted">{t('dashboard.noDays')}</p>}
      </section>

      <section className="card stack-sm" aria-labelledby="funding-backers-title">
        <div className="row-between">
          <h2 id="funding-backers-title" className="card-title m-0">
            {t('dashboard.backers')}
          </h2>
          <label className="row small">
            {t('dashboard.filter')}
            <select className="w-auto" {...bindValue(statusFilter, setStatusFilter)}>
              <option value="">{t('dashboard.all')}</option>
              {['pending', 'collected', 'errored', 'dropped', 'voided', 'cancelled', 'refunded'].map((k) => (
                <option key={k} value={k}>
                  {t(`pledgeStatus.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ListState list={pledges} empty={<EmptyState icon="user" title={t('dashboard.noBackers')} />}>
          {(items) => (
            <div className="table-wrap">
              <table className="table">
                <TableHead
                  columns={[
                    t('dashboard.col.backer'),
                    t('dashboard.col.reward'),
                    { label: t('dashboard.col.amount'), className: 'num' },
                    t('dashboard.col.status'),
                    t('dashboard.col.country'),
                    t('dashboard.col.date'),
                    { label: t('dashboard.col.actions'), hidden: true },
                  ]}
                />
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/u/${p.backer.id}`}>{p.backer.name}</Link>
                        <div className="muted small">{p.backer.email}</div>
                      </td>
                      <td>{p.tierTitle ?? <span className="muted">{t('myPledges.noReward')}</span>}</td>
                      <td className="num">
                        {formatMoney(p.amount.amount, p.amount.currency)}
                        {p.refunded > 0 && (
                          <div className="muted small">
                            {t('dashboard.refunded', { amount: formatMoney(p.refunded, p.amount.currency) })}
                          </div>
                        )}
                      </td>
                      <td>
                        <span className={statusTone(p.status)}>{t(`pledgeStatus.${p.status}`)}</span>
                      </td>
                      <td>{p.shippingCountry ?? '—'}</td>
                      <td>{formatDate(p.createdAt)}</td>
                      <td>
                        {p.status === 'collected' && (
                          <button type="button" className="btn btn-sm" onClick={() => setRefunding(p)}>
                            {t('dashboard.refund')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </ListState>
      </section>
      {refunding && (
        <RefundDialog
          pledge={refunding}
          onClose={() => setRefunding(null)}
          onDone={() => {
            setRefunding(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="card funding-kpi">
      <span className="muted small">{label}</span>
      <strong>{value}</strong>
      {detail && <span className="muted small">{detail}</span>}
    </div>
  );
}

function RefundDialog({ pledge, onClose, onDone }: { pledge: HostPledge; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('funding');
  const refundable = pledge.amount.amount - pledge.refunded;
  const [text, setText] = useState((refundable / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(idempotencyKey);
  const submit = async () => {
    const amount = parseMoney(text, pledge.amount.currency);
    if (amount === null) return setError(new Error(t('pledge.amountInvalid')));
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/pledges/${pledge.id}/refund`, { amount, reason }, { headers: { 'idempotency-key': `${key}:${amount}` } });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('dashboard.refundTitle', { name: pledge.backer.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('pledge.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void submit()}>
            {t('dashboard.refundSubmit')}
          </button>
        </>
      }
    >
      <div className="stack-sm">
        <p className="muted small">{t('dashboard.refundNote', { amount: formatMoney(refundable, pledge.amount.currency) })}</p>
        <Field
          label={t('pledge.amount', { currency: pledge.amount.currency })}
          {...bindValue(text, setText)}
          inputMode="decimal"
          error={fieldError(error, 'amount')}
        />
        <Field label={t('dashboard.reason')} {...bindValue(reason, setReason)} maxLength={500} />
        <ErrorBanner error={error} fields={['amount']} />
      </div>
    </Modal>
  );
}
