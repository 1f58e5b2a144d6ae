import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { Loading } from './Spinner';
import { Icon } from './Icon';

/**
 * Renders its children for a signed-in person, else a prompt to sign in that comes back here.
 * @example <RequireSignIn><NewProjectForm /></RequireSignIn>
 */
export function RequireSignIn({ children, operator }: { children: ReactNode; operator?: boolean }) {
  const { t } = useTranslation('core');
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) {
    return (
      <div className="empty">
        <div className="empty-icon" aria-hidden="true">
          <Icon name="lock" size={30} />
        </div>
        <h3>{t('auth.signInRequired')}</h3>
        <p>{t('auth.signInRequiredLead')}</p>
        <Link className="btn btn-primary" to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}>
          {t('nav.signIn')}
        </Link>
      </div>
    );
  }
  if (operator && me.role !== 'operator') {
    return (
      <div className="empty">
        <div className="empty-icon" aria-hidden="true">
          <Icon name="shield" size={30} />
        </div>
        <h3>{t('auth.operatorOnly')}</h3>
      </div>
    );
  }
  return <>{children}</>;
}
