/** The namespaces of the domains, where each may name its own notification and activity kinds. */
export const DOMAIN_NAMESPACES = ['funding', 'ideas', 'surveys', 'knowledge', 'tasks'] as const;

type TFn = (key: string | string[], opts?: Record<string, unknown>) => string;

/**
 * The sentence for a notification or activity kind (`comment_reply`, `campaign_launched`…): looked up in core's
 * `<section>.kinds.<kind>`, then in each domain namespace's `<section>.<kind>`, else `fallback`.
 * @example kindText(t, 'notifications', 'campaign_launched', { projectTitle: 'Bikes' }, 'New on Bikes')
 */
export function kindText(
  t: TFn,
  section: 'notifications' | 'activity',
  kind: string,
  vars: Record<string, unknown>,
  fallback: string,
): string {
  const k = kind.replace(/\./g, '_');
  const keys = [`core:${section}.kinds.${k}`, ...DOMAIN_NAMESPACES.map((ns) => `${ns}:${section}.${k}`)];
  return t(keys, { ...vars, defaultValue: fallback });
}

/** "campaign_launched" → "Campaign launched": the last resort for a kind nobody translated. */
export function humanizeKind(kind: string): string {
  const words = kind.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
