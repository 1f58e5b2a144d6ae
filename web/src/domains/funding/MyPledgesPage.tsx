// /me/pledges: a backer's pledges, newest first: what each is, where it stands, and what can still be done
// (change or cancel before the deadline, fix a failed card within 7 days).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, idempotencyKey } from '../../api';
import {
  EmptyState,
  ErrorBanner,
  Field,
  RequireSignIn,
  fieldError,
  usePageTitle,
  usePagedList,
  ListState,
  bindValue,
} from '../../components';
import { formatDate, formatMoney, parseMoney } from '../../format';
import type { MyPledge, Pledge } from './types';
import { namesOneField, statusTone } from './util';

export function MyPledgesPage() {
  const { t } = useTranslation('funding');
  usePageTitle(t('myPledges.title'));
  return (
    <RequireSignIn>
      <MyPledges />
    </RequireSignIn>
  );
}

function MyPledges() {
  const { t } = useTranslation('funding');
  const list = usePagedList<MyPledge>('/me/pledges');
  const replace = (p: Pledge) => list.setItems((items) => items.map((x) => (x.id === p.id ? { ...x, ...p } : x)));
  return (
    <div className="medium stack">
      <div className="page-head">
        <h1>{t('myPledges.title')}</h1>
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="coins" title={t('myPledges.empty')} link={{ to: '/explore', label: t('myPledges.explore') }}>
            {t('myPledges.emptyLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="stack list-bare">
            {items.map((p) => (
              <li key={p.id}>
                <PledgeCard pledge={p} onChange={replace} />
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </div>
  );
}

function PledgeCard({ pledge: p, onChange }: { pledge: MyPledge; onChange: (p: Pledge) => void }) {
  const { t } = useTranslation('funding');
  const [mode, setMode] = useState<'view' | 'change' | 'fix'>('view');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = p.campaign.status === 'live' && new Date(p.campaign.deadline).getTime() > Date.now();
  const changeable = open && (p.status === 'pending' || p.status === 'collected');
  const currency = p.amount.currency;

  const run = async (fn: () => Promise<Pledge>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await fn());
      setMode('view');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card stack-sm" aria-labelledby={`pledge-${p.id}`}>
      <div className="row-between">
        <div className="stack-sm gap-2xs">
          <h2 id={`pledge-${p.id}`} className="card-title m-0">
            <Link to={`/p/${p.project.slug}/campaign`}>{p.project.title}</Link>
          </h2>
          <span className="muted small">
            {p.campaign.title} · {p.tierTitle ?? t('myPledges.noReward')} · {t('myPledges.on', { date: formatDate(p.createdAt) })}
          </span>
        </div>
        <div className="stack-sm items-end gap-2xs">
          <strong className="funding-amount">{formatMoney(p.amount.amount, currency)}</strong>
          <span className={statusTone(p.status)}>{t(`pledgeStatus.${p.status}`)}</span>
        </div>
      </div>
      <p className="small m-0">
        {t(`pledgeExplain.${p.status}`, {
          method: p.paymentMethod,
          deadline: formatDate(p.campaign.deadline),
          refunded: formatMoney(p.refunded, currency),
        })}
        {p.shippingCountry && ` ${t('myPledges.shipTo', { country: p.shippingCountry })}`}
      </p>
      {p.status === 'errored' && p.fixDeadline && (
        <div className="banner banner-error" role="status">
          <div className="banner-body">
            <strong>{t('myPledges.failed')}</strong>
            {p.failureMessage} {t('myPledges.fixBy', { date: formatDate(p.fixDeadline, { dateStyle: 'long', timeStyle: 'short' }) })}
          </div>
        </div>
      )}
      <ErrorBanner
        error={mode !== 'view' && (namesOneField(error) || (error instanceof ApiError && error.status === 402)) ? null : error}
        fields={['amount', 'payment']}
      />
      {mode === 'change' && (
        <ChangeForm
          pledge={p}
          busy={busy}
          error={error}
          onSubmit={(amount) => void run(() => api<Pledge>('PATCH', `/pledges/${p.id}`, { amount }))}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'fix' && (
        <FixForm
          busy={busy}
          error={error}
          onSubmit={(number) =>
            void run(() =>
              api<Pledge>(
                'POST',
                `/pledges/${p.id}/fix`,
                { payment: { type: 'test_card', number } },
                { headers: { 'idempotency-key': idempotencyKey() } },
              ),
            )
          }
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'view' && (
        <div className="row">
          {p.status === 'errored' && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setMode('fix')}>
              {t('myPledges.fix')}
            </button>
          )}
          {changeable && p.status === 'pending' && (
            <button type="button" className="btn btn-sm" onClick={() => setMode('change')}>
              {t('myPledges.change')}
            </button>
          )}
          {(changeable || p.status === 'errored') && (
            <button
              type="button"
              className="btn btn-danger btn-sm"
              disabled={busy}
              onClick={() =>
                window.confirm(p.status === 'collected' ? t('myPledges.cancelRefundConfirm') : t('myPledges.cancelConfirm')) &&
                void run(() => api<Pledge>('DELETE', `/pledges/${p.id}`))
              }
            >
              {t('myPledges.cancel')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

function ChangeForm({
  pledge,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  pledge: MyPledge;
  busy: boolean;
  error: unknown;
  onSubmit: (amount: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('funding');
  const [text, setText] = useState((pledge.amount.amount / 100).toFixed(2));
  const [local, setLocal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = parseMoney(text, pledge.amount.currency);
    if (amount === null) return setLocal(t('pledge.amountInvalid'));
    setLocal(null);
    onSubmit(amount);
  };
  return (
    <form className="row items-end" onSubmit={submit}>
      <Field
        label={t('pledge.amount', { currency: pledge.amount.currency })}
        {...bindValue(text, setText)}
        inputMode="decimal"
        error={local ?? fieldError(error, 'amount')}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
        {t('myPledges.save')}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
        {t('pledge.cancel')}
      </button>
    </form>
  );
}

function FixForm({
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  error: unknown;
  onSubmit: (card: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('funding');
  const [card, setCard] = useState('');
  const declined = error instanceof ApiError && error.status === 402 ? error.message : null;
  return (
    <form
      className="row items-end"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(card.replace(/\s/g, ''));
      }}
    >
      <Field
        label={t('myPledges.newCard')}
        {...bindValue(card, setCard)}
        inputMode="numeric"
        placeholder="4242 4242 4242 4242"
        error={declined ?? fieldError(error, 'payment')}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
        {t('myPledges.payNow')}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
        {t('pledge.cancel')}
      </button>
    </form>
  );
}
