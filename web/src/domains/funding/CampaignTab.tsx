// The campaign section of a project page: progress to the goal and stretch goals, days left, backers, the
// rewards with what each has left, and the pledge flow; hosts also get launch, dashboard and a new campaign.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { EmptyState, ErrorBanner, Icon, Loading, Markdown, ProgressBar, useApi, useMutation } from '../../components';
import { formatDate, formatMoney, formatNumber } from '../../format';
import type { ProjectSummary } from '../types';
import { countryName } from './countries';
import { PledgePanel } from './PledgePanel';
import type { Campaign, Tier } from './types';
import { statusTone, timeLeft } from './util';

/** The campaign to show first: the live one, else the latest launched, else (hosts) the latest draft. */
function mainCampaign(items: Campaign[]): Campaign | undefined {
  return items.find((c) => c.status === 'live') ?? items.find((c) => c.status !== 'draft') ?? items[0];
}

export function CampaignTab({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation('funding');
  const list = useApi<{ items: Campaign[] }>(`/projects/${project.id}/campaigns?limit=20`);
  const host = project.viewer.isHost;
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const main = mainCampaign(items);
  const canStart = host && !items.some((c) => c.status === 'live' || c.status === 'draft');
  return (
    <div className="stack funding">
      {!main ? (
        <EmptyState
          icon="coins"
          title={t('empty')}
          action={
            canStart ? (
              <Link className="btn btn-primary" to={`/p/${project.slug}/campaigns/new`}>
                {t('new')}
              </Link>
            ) : undefined
          }
        >
          {host ? t('emptyHost') : t('emptyLead')}
        </EmptyState>
      ) : (
        <CampaignView key={main.id} campaign={main} onChange={() => void list.reload()} />
      )}
      {main && canStart && (
        <div>
          <Link className="btn" to={`/p/${project.slug}/campaigns/new`}>
            <Icon name="plus" size={16} /> {t('new')}
          </Link>
        </div>
      )}
      {items.length > 1 && (
        <section aria-labelledby="funding-history">
          <h3 id="funding-history">{t('history')}</h3>
          <ul className="list">
            {items
              .filter((c) => c.id !== main?.id)
              .map((c) => (
                <li key={c.id} className="row-between">
                  <span>
                    {c.title} <span className={statusTone(c.status)}>{t(`status.${c.status}`)}</span>
                  </span>
                  <span className="row small">
                    {formatMoney(c.raised.amount, c.currency)} · <Link to={`/campaigns/${c.id}/ledger`}>{t('ledger.link')}</Link>
                  </span>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function CampaignView({ campaign, onChange }: { campaign: Campaign; onChange: () => void }) {
  const { t } = useTranslation('funding');
  const [pledgeFor, setPledgeFor] = useState<{ tierId: string | null } | null>(null);
  const {
    busy,
    error,
    run: act,
  } = useMutation(async (path: string) => {
    await api('POST', `/campaigns/${c.id}/${path}`, {});
    onChange();
  });
  const c = campaign;
  const live = c.status === 'live' && new Date(c.deadline).getTime() > Date.now();
  // One pledge a backer a campaign (a backer changes it from "my pledges"); donations may be given again.
  const canPledge = live && (c.model === 'donation' || c.viewer.pledgeIds.length === 0);
  const left = timeLeft(t, c.deadline);
  const reached = c.raised.amount >= c.goal.amount;
  const nextStretch = c.stretchGoals.find((g) => !g.reached);
  const host = c.viewer.isHost;

  return (
    <div className="stack">
      <div className="row-between">
        <div className="stack-sm gap-2xs-plus">
          <h2 className="section-title m-0">{c.title}</h2>
          <span className="row small muted">
            <span className={statusTone(c.status)}>{t(`status.${c.status}`)}</span>
            <span>{t(`models.${c.model}`)}</span>
          </span>
        </div>
        {host && (
          <div className="row">
            {c.status === 'draft' && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('launch')}>
                <Icon name="rocket" size={16} /> {t('host.launch')}
              </button>
            )}
            {c.status !== 'draft' && (
              <Link className="btn" to={`/campaigns/${c.id}/dashboard`}>
                <Icon name="chart" size={16} /> {t('host.dashboard')}
              </Link>
            )}
            {(c.status === 'draft' || (c.status === 'live' && c.model === 'all_or_nothing')) && (
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                onClick={() => window.confirm(t('host.cancelConfirm')) && void act('cancel')}
              >
                {t('host.cancel')}
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorBanner error={error} />

      <div className="funding-summary card">
        <ProgressBar
          label={t('progress')}
          value={c.raised.amount}
          max={c.goal.amount}
          tone={reached ? 'success' : 'default'}
          detail={t('ofGoal', { raised: formatMoney(c.raised.amount, c.currency), goal: formatMoney(c.goal.amount, c.currency) })}
        />
        {c.stretchGoals.length > 0 && <StretchGoals campaign={c} />}
        <div className="funding-stats">
          <div className="stat">
            <strong>{formatMoney(c.raised.amount, c.currency)}</strong>
            <span>
              {c.status === 'failed' || c.status === 'cancelled'
                ? t('stats.pledgedVoided')
                : c.model === 'all_or_nothing' && c.status === 'live'
                  ? t('stats.pledged')
                  : t('stats.raised')}
            </span>
          </div>
          <div className="stat">
            <strong>{formatNumber(c.backers)}</strong>
            <span>{t('stats.backers', { count: c.backers })}</span>
          </div>
          <div className="stat">
            <strong>{c.status === 'live' ? left.text : t(`status.${c.status}`)}</strong>
            <span>
              {c.status === 'live'
                ? t('stats.endsOn', { date: formatDate(c.deadline, { dateStyle: 'long' }) })
                : t('stats.endedOn', { date: formatDate(c.closedAt ?? c.deadline, { dateStyle: 'long' }) })}
            </span>
          </div>
        </div>
        <p className="muted small m-0">
          {t(`modelNotes.${c.model}`, { goal: formatMoney(c.goal.amount, c.currency) })}
          {nextStretch ? ` ${t('nextStretch', { amount: formatMoney(nextStretch.amount, c.currency) })}` : ''}
        </p>
        <div className="row">
          {canPledge && (
            <button type="button" className="btn btn-primary" onClick={() => setPledgeFor({ tierId: null })}>
              <Icon name="coins" size={16} /> {c.model === 'donation' ? t('give') : t('back')}
            </button>
          )}
          {c.viewer.pledgeIds.length > 0 && (
            <Link className="btn" to="/me/pledges">
              <Icon name="check" size={16} /> {t('youBack')}
            </Link>
          )}
          {c.status !== 'draft' && (
            <Link className="btn btn-ghost" to={`/campaigns/${c.id}/ledger`}>
              {t('ledger.link')}
            </Link>
          )}
        </div>
      </div>

      {c.descriptionHtml && <Markdown html={c.descriptionHtml} />}

      {c.tiers.length > 0 && (
        <section aria-labelledby={`tiers-${c.id}`} className="stack-sm">
          <h3 id={`tiers-${c.id}`}>{t('tiers.title')}</h3>
          <div className="funding-tiers">
            {c.tiers.map((tier) => (
              <TierCard key={tier.id} tier={tier} currency={c.currency} live={canPledge} onBack={() => setPledgeFor({ tierId: tier.id })} />
            ))}
          </div>
        </section>
      )}

      {pledgeFor && (
        <PledgePanel campaign={c} tierId={pledgeFor.tierId} open onClose={() => setPledgeFor(null)} onPledged={() => onChange()} />
      )}
    </div>
  );
}

function StretchGoals({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation('funding');
  const top = Math.max(c.goal.amount, ...c.stretchGoals.map((g) => g.amount));
  return (
    <div className="stack-sm">
      <span className="small fw-600">{t('stretch.title')}</span>
      <div className="funding-stretch-track" aria-hidden="true">
        <div className="funding-stretch-fill" style={{ width: `${Math.min(100, (100 * c.raised.amount) / top)}%` }} />
        {[{ amount: c.goal.amount, reached: c.raised.amount >= c.goal.amount }, ...c.stretchGoals].map((g) => (
          <span
            key={g.amount}
            className={`funding-stretch-mark${g.reached ? ' reached' : ''}`}
            style={{ left: `${(100 * g.amount) / top}%` }}
          />
        ))}
      </div>
      <ul className="funding-stretch-list">
        {c.stretchGoals.map((g) => (
          <li key={g.amount} className={g.reached ? 'reached' : ''}>
            <Icon name={g.reached ? 'check' : 'target'} size={16} />
            <strong>{formatMoney(g.amount, c.currency)}</strong> {g.description}
            <span className="sr-only">{g.reached ? t('stretch.reached') : t('stretch.notYet')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TierCard({ tier, currency, live, onBack }: { tier: Tier; currency: string; live: boolean; onBack: () => void }) {
  const { t, i18n } = useTranslation('funding');
  const soldOut = tier.remaining === 0;
  return (
    <article className="card funding-tier stack-sm" aria-labelledby={`tier-${tier.id}`}>
      <div className="row-between">
        <h4 className="m-0" id={`tier-${tier.id}`}>
          {tier.title}
        </h4>
        <strong>{formatMoney(tier.price, currency)}</strong>
      </div>
      {tier.description && <p className="muted m-0">{tier.description}</p>}
      <ul className="funding-tier-facts small muted">
        <li>{t('tiers.backers', { count: tier.backers })}</li>
        {tier.limit !== null && (
          <li className={soldOut ? 'sold-out' : ''}>
            {soldOut ? t('tiers.soldOut') : t('tiers.left', { left: formatNumber(tier.remaining ?? 0), limit: formatNumber(tier.limit) })}
          </li>
        )}
        {tier.estimatedDelivery && (
          <li>
            {t('tiers.delivery', { month: formatDate(`${tier.estimatedDelivery}-01T12:00:00Z`, { month: 'long', year: 'numeric' }) })}
          </li>
        )}
        <li>
          {tier.shipping
            ? t('tiers.ships', {
                where: tier.shipping.groups
                  .map(
                    (g) =>
                      `${g.countries.map((x) => (x === '*' ? t('tiers.elsewhere') : countryName(x, i18n.language))).join(', ')} ${formatMoney(g.cost, currency)}`,
                  )
                  .join(' · '),
              })
            : t('tiers.noShipping')}
        </li>
      </ul>
      {live && (
        <button type="button" className="btn btn-primary btn-sm" disabled={soldOut} onClick={onBack}>
          {soldOut ? t('tiers.soldOut') : t('tiers.choose')}
          <span className="sr-only">: {tier.title}</span>
        </button>
      )}
    </article>
  );
}
