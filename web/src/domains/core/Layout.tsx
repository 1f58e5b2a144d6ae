import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n';
import { useSession } from '../../session';
import { Avatar, Icon, useOnNavigate } from '../../components';
import { UnreadProvider, useUnread } from './unread';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

/** The frame of every page: top bar (navigation, language, notifications, account) and the page below. */
export function Layout() {
  return (
    <UnreadProvider>
      <Frame />
    </UnreadProvider>
  );
}

function Frame() {
  const { t, i18n } = useTranslation('core');
  const { me, changeLanguage } = useSession();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  // Before the pages' effects, so that a page's own title (usePageTitle) wins.
  useOnNavigate(() => {
    setNavOpen(false);
    window.scrollTo(0, 0);
    document.title = t('appName');
  });

  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              F
            </span>
            {t('appName')}
          </Link>
          <button
            type="button"
            className="icon-btn menu-toggle"
            aria-expanded={navOpen}
            aria-controls="topnav"
            onClick={() => setNavOpen((o) => !o)}
          >
            <Icon name="menu" size={22} />
            <span className="sr-only">{t('nav.menu')}</span>
          </button>
          <nav id="topnav" className={`topnav${navOpen ? ' open' : ''}`} aria-label={t('nav.main')}>
            <NavLink to="/explore">{t('nav.explore')}</NavLink>
            <NavLink to="/projects/new">{t('nav.newProject')}</NavLink>
            {me?.role === 'operator' && <NavLink to="/moderation">{t('nav.moderation')}</NavLink>}
            {me?.role === 'operator' && <NavLink to="/audit">{t('audit:nav')}</NavLink>}
          </nav>
          <div className="topbar-end">
            <label className="sr-only" htmlFor="language-select">
              {t('language')}
            </label>
            <select
              id="language-select"
              className="lang-select"
              value={i18n.language}
              onChange={(e) => void changeLanguage(e.target.value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
            {me ? (
              <>
                <NotificationsBell />
                <UserMenu />
              </>
            ) : (
              <>
                <Link
                  className="btn btn-ghost"
                  to={`/signin${location.pathname !== '/' ? `?next=${encodeURIComponent(location.pathname)}` : ''}`}
                >
                  {t('nav.signIn')}
                </Link>
                <Link className="btn btn-primary" to="/signup">
                  {t('nav.signUp')}
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">{t('footer')}</footer>
    </>
  );
}

function NotificationsBell() {
  const { t } = useTranslation('core');
  const { unread } = useUnread();
  return (
    <Link
      to="/notifications"
      className="icon-btn"
      aria-label={unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}
    >
      <Icon name="bell" size={21} />
      {unread > 0 && (
        <span className="unread-badge" aria-hidden="true" data-testid="unread-badge">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

function UserMenu() {
  const { t } = useTranslation('core');
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const ref = useRef<HTMLDetailsElement>(null);
  useOnNavigate(() => {
    if (ref.current) ref.current.open = false;
  });
  useEffect(() => {
    const close = (e: MouseEvent | KeyboardEvent) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key === 'Escape') {
          el.open = false;
          el.querySelector('summary')?.focus();
        }
      } else if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  if (!me) return null;
  return (
    <details className="user-menu" ref={ref}>
      <summary aria-label={t('nav.account')}>
        <Avatar name={me.name} id={me.id} size={30} />
        <span className="user-name small">{me.name}</span>
        <Icon name="chevronDown" size={14} />
      </summary>
      <div className="menu">
        <Link to={`/u/${me.id}`}>{t('nav.profile')}</Link>
        <Link to="/settings">{t('nav.settings')}</Link>
        <Link to="/projects/new">{t('nav.newProject')}</Link>
        <Link to="/orgs/new">{t('nav.newOrg')}</Link>
        {me.role === 'operator' && <Link to="/moderation">{t('nav.moderation')}</Link>}
        {me.role === 'operator' && <Link to="/audit">{t('audit:nav')}</Link>}
        <hr />
        <button
          type="button"
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </details>
  );
}
