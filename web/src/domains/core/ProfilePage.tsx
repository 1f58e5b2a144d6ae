import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Avatar, EmptyState, Icon, ErrorBanner, Loading, useApi } from '../../components';
import { formatDate, formatNumber } from '../../format';
import { useSession } from '../../session';
import { ProjectList } from './ProjectCard';

interface PublicProfile {
  id: string;
  name: string;
  bio: string;
  createdAt: string;
  reputation: number;
}

/** /u/:id: a member's public profile with reputation and the projects they host. */
export function ProfilePage() {
  const { t } = useTranslation('core');
  const { id } = useParams();
  const { me } = useSession();
  const { data: user, error, loading, reload } = useApi<PublicProfile>(`/users/${encodeURIComponent(id!)}`);
  useEffect(() => {
    if (user) document.title = `${user.name} · ${t('appName')}`;
  }, [user, t]);
  if (loading && !user) return <Loading />;
  if (error || !user) {
    if ((error as { status?: number })?.status === 404) return <EmptyState icon="user" title={t('profile.notFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  return (
    <div className="stack gap-xl">
      <section className="card">
        <div className="profile-head">
          <Avatar name={user.name} id={user.id} size={72} />
          <div className="grow">
            <h1 className="mb-2xs">{user.name}</h1>
            <div className="muted small">{t('profile.memberSince', { date: formatDate(user.createdAt) })}</div>
          </div>
          <div className="stat center">
            <strong>{formatNumber(user.reputation)}</strong>
            <span>{t('profile.reputation')}</span>
          </div>
        </div>
        {user.bio ? <p className="pre-wrap">{user.bio}</p> : <p className="muted">{t('profile.noBio')}</p>}
        {me?.id === user.id && (
          <Link className="btn btn-sm" to="/settings">
            <Icon name="edit" size={15} /> {t('profile.editProfile')}
          </Link>
        )}
      </section>
      <section aria-labelledby="profile-projects">
        <h2 id="profile-projects">{t('profile.projects')}</h2>
        <ProjectList path={`/projects?ownerId=${encodeURIComponent(id!)}`} empty={t('profile.noProjects')} />
      </section>
    </div>
  );
}
