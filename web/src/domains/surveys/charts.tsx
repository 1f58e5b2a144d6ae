// Charts of the survey results and the validation panel (Chart.js): bars with interval whiskers, histograms,
// an NPS stacked bar, Borda bars, the Van Westendorp curves with the acceptable range shaded, audience lines.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../format';
import type { DailyPoint, Interval, PricePoint, QuestionResult } from './types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Tooltip, Legend);

const COLORS = {
  accent: '#4f46e5',
  accentSoft: 'rgba(79, 70, 229, 0.75)',
  green: '#0f9f75',
  grey: '#aab1c2',
  red: '#d05a4f',
  amber: '#d08a1f',
  whisker: '#1c2233',
};

/** Draws each bar's 95% interval as a whisker: dataset.intervals[i] = [low, high] on the value axis. */
const whiskers: Plugin<'bar'> = {
  id: 'surveyWhiskers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const intervals = (dataset as unknown as { intervals?: Interval[] }).intervals;
      if (!intervals) return;
      const meta = chart.getDatasetMeta(di);
      const horizontal = chart.options.indexAxis === 'y';
      const valueScale = horizontal ? chart.scales.x! : chart.scales.y!;
      ctx.save();
      ctx.strokeStyle = COLORS.whisker;
      ctx.lineWidth = 1.5;
      meta.data.forEach((bar, i) => {
        const interval = intervals[i];
        if (!interval) return;
        const a = valueScale.getPixelForValue(interval[0]);
        const b = valueScale.getPixelForValue(interval[1]);
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        const cap = 5;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(a, y);
          ctx.lineTo(b, y);
          ctx.moveTo(a, y - cap);
          ctx.lineTo(a, y + cap);
          ctx.moveTo(b, y - cap);
          ctx.lineTo(b, y + cap);
        } else {
          ctx.moveTo(x, a);
          ctx.lineTo(x, b);
          ctx.moveTo(x - cap, a);
          ctx.lineTo(x + cap, a);
          ctx.moveTo(x - cap, b);
          ctx.lineTo(x + cap, b);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

/** Shades [from, to] on a linear x axis and marks points with dashed vertical lines (options.plugins.priceRange). */
const priceRange: Plugin<'line'> = {
  id: 'priceRange',
  beforeDatasetsDraw(chart, _args, opts: { from?: number | null; to?: number | null; marks?: { x: number; label: string }[] }) {
    const { ctx, chartArea } = chart;
    const x = chart.scales.x!;
    ctx.save();
    if (opts.from != null && opts.to != null) {
      ctx.fillStyle = 'rgba(15, 159, 117, 0.12)';
      const a = x.getPixelForValue(opts.from);
      const b = x.getPixelForValue(opts.to);
      ctx.fillRect(a, chartArea.top, b - a, chartArea.bottom - chartArea.top);
    }
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = '#5d6678';
    ctx.fillStyle = '#1c2233';
    ctx.font = '600 11px system-ui, sans-serif';
    for (const mark of opts.marks ?? []) {
      const px = x.getPixelForValue(mark.x);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(mark.label, px + 4, chartArea.top + 12);
    }
    ctx.restore();
  },
};

const baseOptions = { responsive: true, maintainAspectRatio: false, animation: false } as const;
const ChartBox = ({ height, children }: { height: number; children: React.ReactNode }) => (
  <div style={{ position: 'relative', height }}>{children}</div>
);

/** Options of a single or multiple choice: horizontal bars of shares with their 95% Wilson whiskers. */
export function OptionsChart({ result }: { result: QuestionResult }) {
  const { t, i18n } = useTranslation('surveys');
  const options = result.options ?? [];
  const data = {
    labels: options.map((o) => o.label),
    datasets: [
      {
        label: t('results.share'),
        data: options.map((o) => o.share),
        backgroundColor: COLORS.accentSoft,
        borderRadius: 4,
        intervals: options.map((o) => o.interval),
      },
    ],
  };
  const chartOptions: ChartOptions<'bar'> = {
    ...baseOptions,
    indexAxis: 'y',
    scales: { x: { min: 0, max: 1, ticks: { callback: (v) => formatPercent(Number(v)) } } },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (item) => {
            const o = options[item.dataIndex]!;
            return t('results.optionTooltip', {
              count: o.count,
              share: formatPercent(o.share, 1),
              low: formatPercent(o.interval[0], 1),
              high: formatPercent(o.interval[1], 1),
            });
          },
        },
      },
    },
  };
  return (
    <ChartBox height={Math.max(120, 46 * options.length + 40)}>
      <Bar
        key={i18n.language}
        data={data}
        options={chartOptions}
        plugins={[whiskers]}
        aria-label={t('results.optionsChartLabel', { prompt: result.prompt })}
        role="img"
      />
    </ChartBox>
  );
}

/** A histogram (numbers, scales, NPS 0–10). */
export function HistogramChart({ result, integers }: { result: QuestionResult; integers: boolean }) {
  const { t, i18n } = useTranslation('surveys');
  const bins = result.histogram ?? [];
  const whole = integers || bins.every((b) => b.to - b.from === 1 && Number.isInteger(b.from));
  const label = (b: { from: number; to: number }) =>
    whole && b.to - b.from === 1
      ? formatNumber(b.from)
      : `${formatNumber(b.from, { maximumFractionDigits: 2 })}–${formatNumber(b.to, { maximumFractionDigits: 2 })}`;
  const data = {
    labels: bins.map(label),
    datasets: [
      {
        label: t('results.answers'),
        data: bins.map((b) => b.count),
        backgroundColor:
          result.kind === 'nps'
            ? bins.map((b) => (b.from >= 9 ? COLORS.green : b.from >= 7 ? COLORS.grey : COLORS.red))
            : COLORS.accentSoft,
        borderRadius: 3,
        barPercentage: 0.95,
        categoryPercentage: 0.95,
      },
    ],
  };
  const chartOptions: ChartOptions<'bar'> = {
    ...baseOptions,
    scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) } } },
    plugins: { legend: { display: false } },
  };
  return (
    <ChartBox height={200}>
      <Bar
        key={i18n.language}
        data={data}
        options={chartOptions}
        aria-label={t('results.histogramLabel', { prompt: result.prompt })}
        role="img"
      />
    </ChartBox>
  );
}

/** NPS: one stacked bar of detractors, passives and promoters. */
export function NpsChart({ result }: { result: QuestionResult }) {
  const { t, i18n } = useTranslation('surveys');
  const n = result.nps!;
  const total = n.promoters + n.passives + n.detractors || 1;
  const part = (label: string, value: number, color: string) => ({ label, data: [value / total], backgroundColor: color });
  const data = {
    labels: [t('results.npsLabel')],
    datasets: [
      part(t('results.detractors'), n.detractors, COLORS.red),
      part(t('results.passives'), n.passives, COLORS.grey),
      part(t('results.promoters'), n.promoters, COLORS.green),
    ],
  };
  const chartOptions: ChartOptions<'bar'> = {
    ...baseOptions,
    indexAxis: 'y',
    scales: {
      x: { stacked: true, min: 0, max: 1, ticks: { callback: (v) => formatPercent(Number(v)) } },
      y: { stacked: true, display: false },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatPercent(Number(item.raw), 1)}` } },
    },
  };
  return (
    <ChartBox height={110}>
      <Bar
        key={i18n.language}
        data={data}
        options={chartOptions}
        aria-label={t('results.npsChartLabel', { score: formatNumber(n.score, { maximumFractionDigits: 0 }) })}
        role="img"
      />
    </ChartBox>
  );
}

/** Borda scores of a ranking question, best first. */
export function BordaChart({ result }: { result: QuestionResult }) {
  const { t, i18n } = useTranslation('surveys');
  const rows = result.borda ?? [];
  const data = {
    labels: rows.map((r) => r.label),
    datasets: [{ label: t('results.bordaScore'), data: rows.map((r) => r.score), backgroundColor: COLORS.accentSoft, borderRadius: 4 }],
  };
  const chartOptions: ChartOptions<'bar'> = {
    ...baseOptions,
    indexAxis: 'y',
    scales: { x: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) } } },
    plugins: { legend: { display: false } },
  };
  return (
    <ChartBox height={Math.max(120, 42 * rows.length + 40)}>
      <Bar
        key={i18n.language}
        data={data}
        options={chartOptions}
        aria-label={t('results.bordaChartLabel', { prompt: result.prompt })}
        role="img"
      />
    </ChartBox>
  );
}

/** Van Westendorp: the four cumulative curves over prices, the acceptable range shaded, OPP and IPP marked. */
export function PriceChart({ result }: { result: QuestionResult }) {
  const { t, i18n } = useTranslation('surveys');
  const p = result.price!;
  const currency = p.currency ?? 'EUR';
  const line = (key: keyof PricePoint, color: string, dashed = false) => ({
    label: t(`price.${key}`),
    data: p.curves.map((c) => ({ x: c.price, y: c[key] })),
    borderColor: color,
    backgroundColor: color,
    borderDash: dashed ? [6, 4] : undefined,
    pointRadius: 0,
    borderWidth: 2,
    tension: 0,
  });
  const data = {
    datasets: [
      line('tooCheap', COLORS.red),
      line('cheap', COLORS.amber),
      line('expensive', COLORS.accent),
      line('tooExpensive', '#7c3aed'),
      line('notCheap', COLORS.amber, true),
      line('notExpensive', COLORS.accent, true),
    ],
  };
  const marks = [
    ...(p.optimalPricePoint != null ? [{ x: p.optimalPricePoint, label: t('price.oppShort') }] : []),
    ...(p.indifferencePricePoint != null ? [{ x: p.indifferencePricePoint, label: t('price.ippShort') }] : []),
  ];
  const chartOptions: ChartOptions<'line'> = {
    ...baseOptions,
    parsing: false,
    scales: {
      x: { type: 'linear', ticks: { callback: (v) => formatMoney(Number(v), currency) } },
      y: { min: 0, max: 1, ticks: { callback: (v) => formatPercent(Number(v)) } },
    },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 14 } },
      tooltip: {
        mode: 'index',
        intersect: false,
        callbacks: {
          title: (items) => formatMoney(Number(items[0]?.parsed.x ?? 0), currency),
          label: (item) => `${item.dataset.label}: ${formatPercent(Number(item.parsed.y), 1)}`,
        },
      },
      // @ts-expect-error: options of our own plugin
      priceRange: { from: p.acceptableRange?.[0], to: p.acceptableRange?.[1], marks },
    },
  };
  return (
    <ChartBox height={320}>
      <Line key={i18n.language} data={data} options={chartOptions} plugins={[priceRange]} aria-label={t('price.chartLabel')} role="img" />
    </ChartBox>
  );
}

/** Followers and sign-ups over time: running totals as lines, new ones per day as bars. */
export function AudienceChart({ followers, signups }: { followers: DailyPoint[]; signups: DailyPoint[] }) {
  const { t, i18n } = useTranslation('surveys');
  const labels = followers.map((d) => formatDate(`${d.date}T00:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' }));
  const data = {
    labels,
    datasets: [
      {
        type: 'line' as const,
        label: t('validation.followersTotal'),
        data: followers.map((d) => d.total),
        borderColor: COLORS.accent,
        backgroundColor: COLORS.accent,
        pointRadius: 0,
        borderWidth: 2,
        yAxisID: 'y',
      },
      {
        type: 'line' as const,
        label: t('validation.signupsTotal'),
        data: signups.map((d) => d.total),
        borderColor: COLORS.green,
        backgroundColor: COLORS.green,
        pointRadius: 0,
        borderWidth: 2,
        yAxisID: 'y',
      },
      {
        type: 'bar' as const,
        label: t('validation.signupsNew'),
        data: signups.map((d) => d.count),
        backgroundColor: 'rgba(15, 159, 117, 0.25)',
        yAxisID: 'y',
      },
    ],
  };
  const chartOptions: ChartOptions<'bar' | 'line'> = {
    ...baseOptions,
    interaction: { mode: 'index', intersect: false },
    scales: {
      y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) } },
      x: { ticks: { maxTicksLimit: 10 } },
    },
    plugins: { legend: { position: 'bottom' } },
  };
  return (
    <ChartBox height={280}>
      {/* @ts-expect-error: a mixed bar and line chart */}
      <Bar key={i18n.language} data={data} options={chartOptions} aria-label={t('validation.audienceChartLabel')} role="img" />
    </ChartBox>
  );
}
