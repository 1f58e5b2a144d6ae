// /p/:slug/validation (hosts): "should I launch?" — audience over time, survey intent and price range, idea traction,
// the campaign's goal, and the verdict with its reasons.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, ProgressBar, useApi, usePageTitle } from '../../components';
import { formatMoney, formatNumber, formatPercent } from '../../format';
import type { ProjectSummary } from '../types';
import { AudienceChart } from './charts';
import type { ValidationPanel } from './types';

const WINDOWS = [30, 90, 180, 365];

export function ValidationPage() {
  const { t } = useTranslation('surveys');
  const { slug } = useParams();
  const [days, setDays] = useState(90);
  const project = useApi<ProjectSummary>(`/projects/${encodeURIComponent(slug!)}`);
  const panel = useApi<ValidationPanel>(`/projects/${encodeURIComponent(slug!)}/validation?days=${days}`);
  usePageTitle(project.data ? t('validation.pageTitle', { title: project.data.title }) : t('validation.title'));
  if ((project.loading && !project.data) || (panel.loading && !panel.data && !panel.error)) return <Loading />;
  const err = project.error ?? panel.error;
  if (err) {
    if (err instanceof ApiError && err.status === 403) return <EmptyState icon="lock" title={t('validation.hostsOnly')} />;
    return <ErrorBanner error={err} onRetry={panel.reload} />;
  }
  const p = project.data!;
  const v = panel.data!;
  return (
    <div className="stack">
      <div className="page-head">
        <div className="stack-sm">
          <Link to={`/p/${p.slug}/surveys`} className="small">
            ← {p.title}
          </Link>
          <h1>{t('validation.title')}</h1>
          <p className="muted m-0">{t('validation.lead')}</p>
        </div>
        <fieldset className="pill-group fieldset-bare" aria-label={t('validation.window')}>
          {WINDOWS.map((d) => (
            <button key={d} type="button" className="pill" aria-pressed={days === d} onClick={() => setDays(d)}>
              {t('validation.days', { count: d })}
            </button>
          ))}
        </fieldset>
      </div>
      <VerdictCard v={v} />
      <div className="sv-grid-2">
        <section className="card stack-sm" aria-labelledby="sv-audience">
          <h2 id="sv-audience" className="card-title">
            {t('validation.audience')}
          </h2>
          <div className="sv-stats">
            <Stat label={t('validation.followers')} value={formatNumber(v.followers.total)} />
            <Stat label={t('validation.signups')} value={formatNumber(v.signups.total)} />
          </div>
          <AudienceChart followers={v.followers.daily} signups={v.signups.daily} />
        </section>
        <SurveyCard v={v} />
      </div>
      <div className="sv-grid-2">
        <CampaignCard v={v} />
        <IdeasCard v={v} />
      </div>
    </div>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <strong>{value}</strong>
      <span>{label}</span>
      {detail && <span className="muted small block">{detail}</span>}
    </div>
  );
}

function VerdictCard({ v }: { v: ValidationPanel }) {
  const { t } = useTranslation('surveys');
  const s = v.summary;
  const tone =
    s.verdict === 'launch'
      ? 'banner-success'
      : s.verdict === 'unknown'
        ? 'banner-info'
        : s.verdict === 'almost'
          ? 'banner-info'
          : 'banner-error';
  const currency = v.campaign?.currency ?? 'EUR';
  return (
    <section className={`banner ${tone} sv-verdict`} aria-labelledby="sv-verdict">
      <div className="banner-body stack-sm">
        <h2 className="m-0" id="sv-verdict" data-verdict={s.verdict}>
          {t(`validation.verdict.${s.verdict}`)}
        </h2>
        {s.backersNeeded !== null && v.campaign?.medianTierPrice && (
          <p className="m-0">
            {t('validation.needs', {
              count: s.backersNeeded,
              n: formatNumber(s.backersNeeded),
              goal: formatMoney(v.campaign.goal, currency),
              price: formatMoney(v.campaign.medianTierPrice, currency),
            })}
          </p>
        )}
        {s.expectedBackers && v.survey?.intent && (
          <p className="m-0">
            {t('validation.expects', {
              signups: formatNumber(v.signups.total),
              share: formatPercent(v.survey.intent.share),
              expected: formatNumber(s.expectedBackers.estimate, { maximumFractionDigits: 0 }),
              low: formatNumber(s.expectedBackers.interval[0], { maximumFractionDigits: 0 }),
              high: formatNumber(s.expectedBackers.interval[1], { maximumFractionDigits: 0 }),
            })}
          </p>
        )}
        {s.coverage !== null && s.backersNeeded !== null && s.expectedBackers && (
          <ProgressBar
            label={t('validation.coverage')}
            value={s.expectedBackers.estimate}
            max={s.backersNeeded}
            tone={s.coverage >= 1 ? 'success' : 'default'}
            detail={t('validation.coverageDetail', {
              expected: formatNumber(s.expectedBackers.estimate, { maximumFractionDigits: 0 }),
              needed: formatNumber(s.backersNeeded),
            })}
          />
        )}
        <ul className="sv-reasons">
          {s.reasons.map((r) => (
            <li key={r}>{t(`validation.reasons.${r}`, { defaultValue: r })}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function SurveyCard({ v }: { v: ValidationPanel }) {
  const { t } = useTranslation('surveys');
  const s = v.survey;
  if (!s) {
    return (
      <section className="card">
        <h2 className="card-title">{t('validation.survey')}</h2>
        <p className="muted">{t('validation.noSurvey')}</p>
      </section>
    );
  }
  const price = s.price;
  const cur = price?.currency ?? 'EUR';
  const money = (x: number | null | undefined) => (x === null || x === undefined ? '–' : formatMoney(Math.round(x), cur));
  const median = v.campaign?.medianTierPrice ?? null;
  const range = price?.acceptableRange ?? null;
  return (
    <section className="card stack-sm" aria-labelledby="sv-survey">
      <div className="row-between">
        <h2 id="sv-survey" className="card-title m-0">
          {t('validation.survey')}
        </h2>
        <Link to={`/surveys/${s.id}/results`} className="small">
          {t('validation.seeResults')}
        </Link>
      </div>
      <p className="muted small m-0">
        {s.title} · {t('responsesCount', { count: s.responses, n: formatNumber(s.responses) })}
      </p>
      {s.intent ? (
        <div className="stack-sm">
          <Stat
            label={t('validation.intent', { definition: s.intent.definition })}
            value={formatPercent(s.intent.share)}
            detail={t('validation.intentDetail', {
              yes: formatNumber(s.intent.yes),
              n: formatNumber(s.intent.respondents),
              low: formatPercent(s.intent.interval[0]),
              high: formatPercent(s.intent.interval[1]),
            })}
          />
        </div>
      ) : (
        <p className="muted">{t('validation.noIntent')}</p>
      )}
      {price ? (
        <div className="stack-sm">
          <Stat
            label={t('price.acceptableRange')}
            value={range ? `${money(range[0])} – ${money(range[1])}` : '–'}
            detail={`${t('price.opp')}: ${money(price.optimalPricePoint)}`}
          />
          {range && median !== null && (
            <PriceScale low={range[0]} high={range[1]} median={median} opp={price.optimalPricePoint} currency={cur} />
          )}
        </div>
      ) : (
        <p className="muted">{t('validation.noPrice')}</p>
      )}
    </section>
  );
}

/** The acceptable range on a line, with the median tier price placed on it. */
function PriceScale({
  low,
  high,
  median,
  opp,
  currency,
}: {
  low: number;
  high: number;
  median: number;
  opp: number | null;
  currency: string;
}) {
  const { t } = useTranslation('surveys');
  const min = Math.min(low, median) * 0.8;
  const max = Math.max(high, median) * 1.2;
  const at = (x: number) => `${((x - min) / (max - min)) * 100}%`;
  return (
    <div
      className="sv-price-scale"
      role="img"
      aria-label={t('validation.priceScale', {
        price: formatMoney(median, currency),
        low: formatMoney(Math.round(low), currency),
        high: formatMoney(Math.round(high), currency),
      })}
    >
      <div className="sv-price-track">
        <div className="sv-price-range" style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
        {opp !== null && <div className="sv-price-opp" style={{ left: at(opp) }} title={t('price.opp')} />}
        <div className="sv-price-marker" style={{ left: at(median) }} />
      </div>
      <div className="muted small rel h-label">
        <span className="sv-price-median" style={{ left: at(median) }}>
          {t('validation.medianTier', { price: formatMoney(median, currency) })}
        </span>
      </div>
    </div>
  );
}

function CampaignCard({ v }: { v: ValidationPanel }) {
  const { t } = useTranslation('surveys');
  const c = v.campaign;
  return (
    <section className="card stack-sm" aria-labelledby="sv-campaign">
      <h2 id="sv-campaign" className="card-title">
        {t('validation.campaign')}
      </h2>
      {!c ? (
        <p className="muted">{t('validation.noCampaign')}</p>
      ) : (
        <>
          <div className="sv-stats">
            <Stat label={t('validation.goal')} value={formatMoney(c.goal, c.currency)} />
            <Stat label={t('validation.medianTierPrice')} value={c.medianTierPrice ? formatMoney(c.medianTierPrice, c.currency) : '–'} />
            <Stat
              label={t('validation.backersNeeded')}
              value={v.summary.backersNeeded !== null ? formatNumber(v.summary.backersNeeded) : '–'}
            />
          </div>
          <p className="muted small m-0">
            {c.title} · {t(`validation.campaignStatus.${c.status}`, { defaultValue: c.status })}
            {c.backers > 0 &&
              ` · ${t('validation.raised', { raised: formatMoney(c.raised, c.currency), count: c.backers, n: formatNumber(c.backers) })}`}
          </p>
          {c.tiers.length > 0 && (
            <ul className="sv-tiers muted small">
              {c.tiers.map((tier) => (
                <li key={tier.id}>{t('validation.tierLine', { title: tier.title, price: formatMoney(tier.price, c.currency) })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function IdeasCard({ v }: { v: ValidationPanel }) {
  const { t } = useTranslation('surveys');
  const i = v.ideas;
  return (
    <section className="card stack-sm" aria-labelledby="sv-ideas">
      <h2 id="sv-ideas" className="card-title">
        {t('validation.ideas')}
      </h2>
      <div className="sv-stats">
        <Stat label={t('validation.ideasCount')} value={formatNumber(i.ideas)} />
        <Stat label={t('validation.votes')} value={formatNumber(i.votes)} />
        <Stat label={t('validation.voters')} value={formatNumber(i.voters)} />
      </div>
      {i.top.length ? (
        <ol className="sv-top-ideas">
          {i.top.map((idea) => (
            <li key={idea.id}>
              <span>{idea.title}</span>{' '}
              <span className="badge badge-muted">
                {t('validation.score', { score: formatNumber(idea.score, { signDisplay: 'exceptZero' }) })}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('validation.noIdeas')}</p>
      )}
    </section>
  );
}
