import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';

export function Layout() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">{t('appName')}</Link>
        <select aria-label="Language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as 'en' | 'fr')}>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      </header>
      <main className="container">
        <Outlet />
      </main>
    </>
  );
}
