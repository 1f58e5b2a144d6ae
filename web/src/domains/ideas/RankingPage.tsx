// /challenges/:id/ranking: the pairwise ranking (Bradley–Terry): each idea's score with its 95% interval, as a chart and a table.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartOptions, type Plugin } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { api, ApiError } from '../../api';
import { EmptyState, ErrorBanner, Loading, useApi, usePageTitle, TableHead } from '../../components';
import { formatNumber, formatPercent } from '../../format';

/** A share as a percentage with one decimal, in the reader's language: 19.9%, 20.0%. */
const pct1 = (share: number) => formatNumber(share, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
import { IdeaStatusBadge } from './badges';
import type { Challenge, Idea } from './types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const MAX_IDEAS = 500;

/** Draws each idea's score as a dark tick across its interval bar: dataset.scores[i]. */
const scoreTicks: Plugin<'bar'> = {
  id: 'ideasScoreTicks',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const dataset = chart.data.datasets[0] as unknown as { scores?: number[] };
    const meta = chart.getDatasetMeta(0);
    const x = chart.scales.x!;
    ctx.save();
    ctx.strokeStyle = '#1c2233';
    ctx.lineWidth = 3;
    meta.data.forEach((bar, i) => {
      const score = dataset.scores?.[i];
      if (score === undefined) return;
      const { y, height } = bar as unknown as { y: number; height: number };
      const px = x.getPixelForValue(score);
      ctx.beginPath();
      ctx.moveTo(px, y - height / 2 - 2);
      ctx.lineTo(px, y + height / 2 + 2);
      ctx.stroke();
    });
    ctx.restore();
  },
};

export function RankingPage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const { data: challenge, error: challengeError } = useApi<Challenge>(`/challenges/${encodeURIComponent(id!)}`);
  const [ideas, setIdeas] = useState<Idea[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('ranking.title'));

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const all: Idea[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Idea[]; nextCursor: string | null } = await api(
            'GET',
            `/challenges/${encodeURIComponent(id!)}/ideas?sort=ranked&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          all.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor && all.length < MAX_IDEAS);
        if (!cancelled) setIdeas(all);
      } catch (e) {
        if (!cancelled) setError(e);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id]);

  const failure = error ?? challengeError;
  if (failure) {
    if (failure instanceof ApiError && (failure.status === 403 || failure.status === 404))
      return (
        <EmptyState icon="lock" title={t('ranking.unavailable')}>
          {failure.message}
        </EmptyState>
      );
    return <ErrorBanner error={failure} />;
  }
  if (!ideas || !challenge) return <Loading />;

  const shown = ideas.slice(0, 40);
  const data = {
    labels: shown.map((i) => `#${i.rank} ${i.title.length > 42 ? `${i.title.slice(0, 41)}…` : i.title}`),
    datasets: [
      {
        label: t('ranking.interval'),
        data: shown.map((i) => i.interval ?? [0, 1]) as unknown as number[],
        scores: shown.map((i) => i.score ?? 0.5),
        backgroundColor: 'rgba(79, 70, 229, 0.28)',
        borderColor: 'rgba(79, 70, 229, 0.8)',
        borderWidth: 1,
        borderSkipped: false,
        barPercentage: 0.7,
      },
    ],
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: { min: 0, max: 1, ticks: { callback: (v) => formatPercent(Number(v)) }, title: { display: true, text: t('ranking.axis') } },
      y: { ticks: { autoSkip: false } },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (item) => {
            const idea = shown[item.dataIndex]!;
            return t('ranking.scoreLine', {
              score: formatPercent(idea.score ?? 0),
              low: formatPercent(idea.interval?.[0] ?? 0),
              high: formatPercent(idea.interval?.[1] ?? 1),
              count: idea.comparisons ?? 0,
            });
          },
        },
      },
    },
  };

  return (
    <div className="stack">
      <div className="stack-sm">
        <Link to={`/challenges/${challenge.id}`} className="small">
          ← {challenge.title}
        </Link>
        <h1>{t('ranking.title')}</h1>
        <p className="muted m-0">{t('ranking.lead', { comparisons: formatNumber(challenge.comparisons), count: challenge.comparisons })}</p>
      </div>
      {ideas.length === 0 ? (
        <EmptyState icon="chart" title={t('noIdeas')} />
      ) : (
        <>
          <figure
            className="card ide-chart"
            style={{ height: `${Math.max(180, shown.length * 30 + 70)}px` }}
            aria-label={t('ranking.chartLabel')}
          >
            <Bar data={data} options={options} plugins={[scoreTicks]} />
          </figure>
          <div className="card table-wrap">
            <table className="table" aria-label={t('ranking.title')}>
              <TableHead
                columns={[
                  t('ranking.rank'),
                  t('ranking.idea'),
                  t('ranking.score'),
                  t('ranking.interval'),
                  t('ranking.comparisons'),
                  t('ranking.status'),
                ]}
              />
              <tbody>
                {ideas.map((i) => (
                  <tr key={i.id}>
                    <td>{i.rank}</td>
                    <td>
                      <Link to={`/ideas/${i.id}`}>{i.title}</Link>
                    </td>
                    <td className="ide-num">{pct1(i.score ?? 0)}</td>
                    <td className="ide-num">
                      {pct1(i.interval?.[0] ?? 0)} – {pct1(i.interval?.[1] ?? 1)}
                    </td>
                    <td className="ide-num">{formatNumber(i.comparisons ?? 0)}</td>
                    <td>
                      <IdeaStatusBadge status={i.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('ranking.method')}</p>
        </>
      )}
    </div>
  );
}
