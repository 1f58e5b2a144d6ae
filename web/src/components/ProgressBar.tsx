import { formatPercent } from '../format';

export interface ProgressBarProps {
  /** What is measured, shown above the bar and used as the accessible name: "Uploading items", "Raised". */
  label: string;
  /** How far along, in the same unit as max. */
  value: number;
  /** The whole; defaults to 100. A value above max shows more than 100 % with a full bar (an over-funded campaign). */
  max?: number;
  /** Text shown at the right instead of the percentage alone, e.g. "€1,250 of €5,000". The percentage is still shown. */
  detail?: string;
  /** "success" paints the bar green (a goal reached). */
  tone?: 'default' | 'success';
  /** Hides the label visually (it stays for screen readers). */
  hideLabel?: boolean;
}

/**
 * A labelled progress bar with its percentage, for uploads and campaign progress.
 * @example <ProgressBar label="Raised" value={raised} max={goal} detail={`${formatMoney(raised, 'EUR')} / ${formatMoney(goal, 'EUR')}`} />
 */
export function ProgressBar({ label, value, max = 100, detail, tone = 'default', hideLabel }: ProgressBarProps) {
  const share = max > 0 ? Math.max(0, value) / max : 0;
  const percent = formatPercent(share);
  return (
    <div className={`progress${tone === 'success' ? ' progress-success' : ''}`}>
      <div className={`progress-head${hideLabel ? ' sr-only' : ''}`}>
        <span className="progress-label">{label}</span>
        <span className="progress-value">{detail ? `${detail} · ${percent}` : percent}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(Math.max(0, value), max)}
        aria-valuetext={detail ? `${percent} (${detail})` : percent}
      >
        <div className="progress-fill" style={{ width: `${Math.min(100, share * 100)}%` }} />
      </div>
    </div>
  );
}
