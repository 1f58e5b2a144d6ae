// The host's chart of money pledged over time: the running total per day, with the goal as a dashed line.
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../format';
import type { Stats } from './types';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

export function RaisedChart({ stats }: { stats: Stats }) {
  const { t } = useTranslation('funding');
  // The line starts at zero at launch, so even a campaign's first day draws a rise.
  const labels = [t('dashboard.launch'), ...stats.days.map((d) => formatDate(`${d.date}T12:00:00Z`, { day: 'numeric', month: 'short' }))];
  const money = (v: number) => formatMoney(v, stats.currency);
  return (
    <div
      className="funding-chart"
      role="img"
      aria-label={t('dashboard.chartLabel', { total: money(stats.days.at(-1)?.cumulative ?? 0), goal: money(stats.goal) })}
    >
      <Line
        data={{
          labels,
          datasets: [
            {
              label: t('dashboard.cumulative'),
              data: [0, ...stats.days.map((d) => d.cumulative)],
              borderColor: '#4f46e5',
              backgroundColor: 'rgba(79, 70, 229, 0.12)',
              fill: true,
              tension: 0.25,
              pointRadius: stats.days.length > 40 ? 0 : 3,
            },
            {
              label: t('dashboard.goal'),
              data: labels.map(() => stats.goal),
              borderColor: '#0f9f75',
              borderDash: [6, 6],
              pointRadius: 0,
              fill: false,
            },
          ],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: true, ticks: { callback: (v) => money(Number(v)) } } },
          plugins: { tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${money(Number(ctx.parsed.y))}` } } },
        }}
      />
    </div>
  );
}
