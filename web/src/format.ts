import i18n from './i18n';

const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** An amount in minor units, formatted for the reader's language and the currency. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount / 10 ** minorDigits(currency));
}

/** Parses what a person typed ("12,50" or "12.50") into minor units, or null. */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10 ** minorDigits(currency));
}

/** A date (and time when asked) in the reader's language. @example formatDate(p.createdAt) */
export function formatDate(iso: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(i18n.language, opts).format(new Date(iso));
}

/** A number in the reader's language: 12 345 in French. */
export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(i18n.language, opts).format(n);
}

/** A share (0.25) as a percentage in the reader's language: 25 %. */
export function formatPercent(share: number, digits = 0): string {
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago (or in how long) a moment is, in the reader's language: "3 hours ago", "dans 2 jours".
 * @example formatRelative(comment.createdAt)
 */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** The items of a comma-separated list a person typed ("cat, dog,, bird" → ["cat", "dog", "bird"]). */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
