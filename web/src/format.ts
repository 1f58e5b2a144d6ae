import i18n from './i18n';

const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

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

export function formatDate(iso: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(i18n.language, opts).format(new Date(iso));
}

export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(i18n.language, opts).format(n);
}

export function formatPercent(share: number, digits = 0): string {
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: digits }).format(share);
}
