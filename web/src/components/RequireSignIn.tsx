import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { Loading } from './Spinner';
import { EmptyState } from './EmptyState';

/**
 * Renders its children for a signed-in person, else a prompt to sign in that comes back here.
 * @example <RequireSignIn><NewProjectForm /></RequireSignIn>
 */
export function RequireSignIn({ children, operator }: { children: ReactNode; operator?: boolean }) {
  const { t } = useTranslation('core');
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me)
    return (
      <EmptyState
        icon="lock"
        title={t('auth.signInRequired')}
        link={{ to: `/signin?next=${encodeURIComponent(location.pathname + location.search)}`, label: t('nav.signIn') }}
      >
        {t('auth.signInRequiredLead')}
      </EmptyState>
    );
  if (operator && me.role !== 'operator') return <EmptyState icon="shield" title={t('auth.operatorOnly')} />;
  return <>{children}</>;
}
