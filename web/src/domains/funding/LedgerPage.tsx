// /campaigns/:id/ledger, public: where a campaign's money went, from its double-entry ledger. The totals add
// up (received − refunded = payment fees + platform fees + to the host + in escrow); backers stay anonymous.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { EmptyState, ErrorBanner, LoadMore, Loading, Time, useApi, usePageTitle, TableHead } from '../../components';
import { formatMoney } from '../../format';
import type { Campaign, LedgerView } from './types';

export function LedgerPage() {
  const { t } = useTranslation('funding');
  const { id } = useParams();
  const campaign = useApi<Campaign>(`/campaigns/${id}`);
  const first = useApi<LedgerView>(`/campaigns/${id}/ledger?limit=50`);
  const [more, setMore] = useState<LedgerView['items']>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  usePageTitle(t('ledger.title'));
  if (campaign.loading || first.loading) return <Loading />;
  if (campaign.error || first.error) return <ErrorBanner error={campaign.error ?? first.error} />;
  const c = campaign.data!;
  const view = first.data!;
  const next = cursor === undefined ? view.nextCursor : cursor;
  const items = [...view.items, ...more];
  const m = (v: number) => formatMoney(v, view.currency);
  const tt = view.totals;
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await api<LedgerView>('GET', `/campaigns/${id}/ledger?limit=50&cursor=${encodeURIComponent(next)}`);
      setMore((x) => [...x, ...page.items]);
      setCursor(page.nextCursor);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="stack medium">
      <div className="page-head">
        <div>
          <p className="muted small m-0">{t('ledger.kicker')}</p>
          <h1>{c.title}</h1>
        </div>
      </div>
      <p className="muted">{t('ledger.lead')}</p>
      <section className="card stack-sm" aria-labelledby="ledger-totals">
        <h2 id="ledger-totals" className="card-title">
          {t('ledger.totals')}
        </h2>
        <dl className="funding-ledger-totals">
          <dt>{t('ledger.received')}</dt>
          <dd>{m(tt.received)}</dd>
          <dt>{t('ledger.refunded')}</dt>
          <dd>− {m(tt.refunded)}</dd>
          <dt className="sum">{t('ledger.net')}</dt>
          <dd className="sum">{m(tt.received - tt.refunded)}</dd>
          <dt>{t('ledger.paymentFees')}</dt>
          <dd>{m(tt.paymentFees)}</dd>
          <dt>{t('ledger.platformFees')}</dt>
          <dd>{m(tt.platformFees)}</dd>
          <dt>{t('ledger.toHost')}</dt>
          <dd>{m(tt.toHost)}</dd>
          <dt>{t('ledger.inEscrow')}</dt>
          <dd>{m(tt.inEscrow)}</dd>
          <dt className="sum">{t('ledger.total')}</dt>
          <dd className="sum">{m(tt.paymentFees + tt.platformFees + tt.toHost + tt.inEscrow)}</dd>
        </dl>
        <p className={`badge self-start ${view.balanced ? 'badge-success' : 'badge-danger'}`}>
          {view.balanced ? t('ledger.balanced') : t('ledger.unbalanced')}
        </p>
      </section>
      <section className="card stack-sm" aria-labelledby="ledger-moves">
        <h2 id="ledger-moves" className="card-title">
          {t('ledger.transactions')}
        </h2>
        {items.length === 0 ? (
          <EmptyState icon="coins" title={t('ledger.empty')}>
            {c.model === 'all_or_nothing' && c.status === 'live' ? t('ledger.emptyAon') : undefined}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <TableHead columns={[t('ledger.when'), t('ledger.what'), t('ledger.entries')]} />
              <tbody>
                {items.map((x) => (
                  <tr key={x.id}>
                    <td>
                      <Time iso={x.at} relative={false} />
                    </td>
                    <td>{t(`ledger.kinds.${x.kind}`, { defaultValue: x.kind })}</td>
                    <td>
                      <ul className="funding-entries">
                        {x.entries.map((e) => (
                          <li key={`${e.account}:${e.amount}`}>
                            <span>{t(`ledger.accounts.${e.account}`, { defaultValue: e.account })}</span>
                            <span className={e.amount < 0 ? 'out' : 'in'}>
                              {e.amount > 0 ? '+' : '−'}
                              {m(Math.abs(e.amount))}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={Boolean(next)} loading={loadingMore} onLoadMore={() => void loadMore()} />
      </section>
      <p className="small muted">{t('ledger.signs')}</p>
    </div>
  );
}
