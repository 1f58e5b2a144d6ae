import type { TFunction } from 'i18next';

/** "12 days left", "5 hours left", "ended": what a deadline means now. */
export function timeLeft(t: TFunction, deadline: string, now = Date.now()): { text: string; ended: boolean } {
  const ms = new Date(deadline).getTime() - now;
  if (ms <= 0) return { text: t('ended'), ended: true };
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return { text: t('daysLeft', { count: days }), ended: false };
  const hours = Math.max(1, Math.floor(ms / 3_600_000));
  return { text: t('hoursLeft', { count: hours }), ended: false };
}

/** The badge class of a campaign or pledge status. */
export function statusTone(status: string): string {
  if (['live', 'pending'].includes(status)) return 'badge';
  if (['succeeded', 'collected', 'ended'].includes(status)) return 'badge badge-success';
  if (['errored'].includes(status)) return 'badge badge-warn';
  if (['failed', 'dropped'].includes(status)) return 'badge badge-danger';
  return 'badge badge-muted';
}

/** An API error naming one body field (`details.field`): forms show it beside that field, not again in a banner. */
export function namesOneField(error: unknown): boolean {
  const details = (error as { details?: unknown } | null)?.details;
  return Boolean(
    details &&
      !Array.isArray(details) &&
      typeof (details as { field?: unknown }).field === 'string' &&
      (details as { field: string }).field.startsWith('body.'),
  );
}
