// /surveys/:id/results: every question's results as a chart with its figures, and a segment switcher for hosts.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, useApi, usePageTitle, TableHead } from '../../components';
import { formatMoney, formatNumber, formatPercent } from '../../format';
import { BordaChart, HistogramChart, NpsChart, OptionsChart, PriceChart } from './charts';
import { StatusBadge } from './StatusBadge';
import { SEGMENTS, type Interval, type QuestionResult, type Segment, type Survey, type SurveyResults } from './types';

const num = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? '–' : formatNumber(n, { maximumFractionDigits: digits });

export function ResultsPage() {
  const { t } = useTranslation('surveys');
  const { id } = useParams();
  const [segment, setSegment] = useState<Segment>('everyone');
  const survey = useApi<Survey>(`/surveys/${encodeURIComponent(id!)}`);
  const results = useApi<SurveyResults>(`/surveys/${encodeURIComponent(id!)}/results?segment=${segment}`);
  usePageTitle(survey.data ? t('results.pageTitle', { title: survey.data.title }) : t('title'));
  if ((survey.loading && !survey.data) || (results.loading && !results.data && !results.error)) return <Loading />;
  const err = survey.error ?? results.error;
  if (err) {
    if (err instanceof ApiError && err.status === 404) return <EmptyState icon="compass" title={t('notFound')} />;
    if (err instanceof ApiError && err.code === 'results_private') return <EmptyState icon="lock" title={t('results.private')} />;
    return <ErrorBanner error={err} onRetry={results.reload} />;
  }
  const s = survey.data!;
  const r = results.data!;
  return (
    <div className="stack">
      <div className="page-head">
        <div className="stack-sm">
          <Link to={`/surveys/${s.id}`} className="small">
            ← {s.title}
          </Link>
          <h1>{t('results.heading')}</h1>
          <div className="row">
            <StatusBadge status={s.status} />
            <strong data-testid="responses-count">{t('responsesCount', { count: r.responses, n: formatNumber(r.responses) })}</strong>
          </div>
        </div>
        {s.viewer.isHost && (
          <div className="stack-sm">
            <fieldset className="pill-group fieldset-bare" aria-label={t('results.segment')}>
              {SEGMENTS.map((seg) => (
                <button key={seg} type="button" className="pill" aria-pressed={segment === seg} onClick={() => setSegment(seg)}>
                  {t(`segments.${seg}`)}
                </button>
              ))}
            </fieldset>
            <a className="btn btn-ghost btn-sm" href={`/api/v1/surveys/${s.id}/results.csv`} download>
              {t('host.exportCsv')}
            </a>
          </div>
        )}
      </div>
      {results.loading && <Loading />}
      {r.questions.map((q, i) => (
        <QuestionCard key={q.id} result={q} index={i} />
      ))}
    </div>
  );
}

function QuestionCard({ result, index }: { result: QuestionResult; index: number }) {
  const { t } = useTranslation('surveys');
  return (
    <section className="card stack-sm" aria-labelledby={`rq-${result.id}`}>
      <div className="row-between">
        <h2 id={`rq-${result.id}`} className="card-title m-0">
          <span className="muted">{t('results.questionNumber', { n: index + 1 })}</span> {result.prompt}
        </h2>
        <span className="muted small">
          {t(`kinds.${result.kind}`)} · {t('results.answersCount', { count: result.responses, n: formatNumber(result.responses) })}
        </span>
      </div>
      {result.responses === 0 ? <p className="muted">{t('results.noAnswers')}</p> : <QuestionBody result={result} />}
    </section>
  );
}

function Summary({ items }: { items: [string, string][] }) {
  return (
    <dl className="sv-summary">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function QuestionBody({ result }: { result: QuestionResult }) {
  const { t } = useTranslation('surveys');
  const ci = (i: Interval | null | undefined, digits = 2) => (i ? `${num(i[0], digits)} – ${num(i[1], digits)}` : '–');
  switch (result.kind) {
    case 'single':
    case 'multiple':
      return (
        <>
          <OptionsChart result={result} />
          <div className="table-wrap">
            <table className="table sv-table">
              <TableHead columns={[t('results.option'), t('results.count'), t('results.share'), t('results.interval')]} />
              <tbody>
                {result.options!.map((o) => (
                  <tr key={o.label}>
                    <td>{o.label}</td>
                    <td>{formatNumber(o.count)}</td>
                    <td>{formatPercent(o.share, 1)}</td>
                    <td>
                      {formatPercent(o.interval[0], 1)} – {formatPercent(o.interval[1], 1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.kind === 'multiple' && <p className="muted small">{t('results.multipleNote')}</p>}
        </>
      );
    case 'scale':
    case 'number':
      return (
        <>
          <Summary
            items={[
              [t('results.mean'), num(result.mean)],
              [t('results.meanInterval'), ci(result.meanInterval)],
              [t('results.median'), num(result.median)],
            ]}
          />
          <HistogramChart result={result} integers={result.kind === 'scale'} />
        </>
      );
    case 'nps': {
      const n = result.nps!;
      return (
        <>
          <Summary
            items={[
              [t('results.npsScore'), num(n.score, 0)],
              [t('results.npsInterval'), ci(n.interval, 0)],
              [t('results.promoters'), formatNumber(n.promoters)],
              [t('results.passives'), formatNumber(n.passives)],
              [t('results.detractors'), formatNumber(n.detractors)],
            ]}
          />
          <NpsChart result={result} />
          <HistogramChart result={result} integers />
        </>
      );
    }
    case 'ranking':
      return (
        <>
          <BordaChart result={result} />
          <div className="table-wrap">
            <table className="table sv-table">
              <TableHead columns={[t('results.option'), t('results.bordaScore'), t('results.averageRank'), t('results.firstPlace')]} />
              <tbody>
                {result.borda!.map((b) => (
                  <tr key={b.label}>
                    <td>{b.label}</td>
                    <td>{formatNumber(b.score)}</td>
                    <td>{num(b.averageRank)}</td>
                    <td>{formatNumber(b.firstPlace)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    case 'price': {
      const p = result.price!;
      const cur = p.currency ?? 'EUR';
      const money = (v: number | null) => (v === null ? '–' : formatMoney(Math.round(v), cur));
      return (
        <>
          <Summary
            items={[
              [t('price.acceptableRange'), p.acceptableRange ? `${money(p.acceptableRange[0])} – ${money(p.acceptableRange[1])}` : '–'],
              [t('price.opp'), money(p.optimalPricePoint)],
              [t('price.ipp'), money(p.indifferencePricePoint)],
            ]}
          />
          <PriceChart result={result} />
          <p className="muted small">{t('price.explain')}</p>
        </>
      );
    }
    case 'text':
      return result.texts ? (
        <ul className="list sv-texts">
          {result.texts.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers shown as they came, never reordered nor edited, and two may read the same
            <li key={i}>{text}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('results.textsHidden')}</p>
      );
  }
}
