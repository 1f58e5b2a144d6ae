import { useEffect } from 'react';
import i18n from '../i18n';

/**
 * Sets the browser tab's title to "<title> · Foule" while the page shows (nothing happens while title is undefined).
 * @example usePageTitle(challenge?.title)
 */
export function usePageTitle(title: string | undefined | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · ${i18n.t('core:appName')}`;
  }, [title]);
}
