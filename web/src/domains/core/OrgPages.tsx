import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiResponse } from '../../api';
import {
  Avatar,
  EmptyState,
  Icon,
  ErrorBanner,
  Field,
  Loading,
  Markdown,
  RequireSignIn,
  useApi,
  useMutation,
  bindValue,
} from '../../components';
import { formatDate } from '../../format';
import { ProjectCard } from './ProjectCard';

type Org = ApiResponse<'/api/v1/orgs/{id}'>;
type Role = Org['members'][number]['role'];

/** /orgs/new: create an organization (you become its owner). */
export function NewOrgPage() {
  const { t } = useTranslation('core');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [website, setWebsite] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    const org = await api<Org>('POST', '/orgs', { name, description, ...(website.trim() ? { website: website.trim() } : {}) });
    navigate(`/orgs/${org.slug}`);
  });
  return (
    <RequireSignIn>
      <div className="medium">
        <h1>{t('org.newTitle')}</h1>
        <p className="muted">{t('org.newLead')}</p>
        <form className="card stack" onSubmit={submit} noValidate>
          <ErrorBanner error={error} fields={['name', 'description', 'website']} />
          <Field label={t('org.name')} {...bindValue(name, setName)} required maxLength={100} {...field('name')} />
          <Field label={t('org.description')} hint={t('org.descriptionHint')} {...field('description')}>
            <textarea {...bindValue(description, setDescription)} rows={5} maxLength={5000} />
          </Field>
          <Field
            label={t('org.website')}
            hint={t('org.websiteHint')}
            type="url"
            {...bindValue(website, setWebsite)}
            placeholder="https://"
            {...field('website')}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('org.create')}
            </button>
            <Link className="btn btn-ghost" to="/settings/orgs">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </div>
    </RequireSignIn>
  );
}

/** /orgs/:id (id or slug): the organization, its members and projects; owners and admins add members. */
export function OrgPage() {
  const { t } = useTranslation('core');
  const { id } = useParams();
  const { data: org, error, loading, reload } = useApi<Org>(`/orgs/${encodeURIComponent(id!)}`);
  useEffect(() => {
    if (org) document.title = `${org.name} · ${t('appName')}`;
  }, [org, t]);
  if (loading && !org) return <Loading />;
  if (error || !org) {
    if ((error as { status?: number })?.status === 404) return <EmptyState icon="building" title={t('org.notFound')} />;
    return <ErrorBanner error={error} onRetry={reload} />;
  }
  const manages = org.viewer.role === 'owner' || org.viewer.role === 'admin';
  return (
    <div className="stack gap-xl">
      <section className="card">
        <div className="profile-head mb-smd">
          <Avatar name={org.name} id={org.id} size={64} />
          <div className="grow">
            <h1 className="mb-2xs">{org.name}</h1>
            <div className="muted small row">
              {org.website && (
                <a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
                  {org.website.replace(/^https?:\/\//, '')}
                </a>
              )}
              <span>{formatDate(org.createdAt)}</span>
              {org.viewer.role && <span className="badge">{t('org.yourRole', { role: t(`settings.roles.${org.viewer.role}`) })}</span>}
            </div>
          </div>
          {manages && (
            <div className="row">
              <Link className="btn btn-ghost" to={`/orgs/${org.slug}/audit`}>
                {t('audit:orgLink')}
              </Link>
              <Link className="btn btn-primary" to={`/projects/new?org=${org.id}`}>
                <Icon name="plus" /> {t('org.newProject')}
              </Link>
            </div>
          )}
        </div>
        {org.descriptionHtml.trim() && <Markdown html={org.descriptionHtml} />}
      </section>
      <div className="two-col">
        <section aria-labelledby="org-projects">
          <h2 id="org-projects">{t('org.projects')}</h2>
          {org.projects.length === 0 ? (
            <p className="muted">{t('org.noProjects')}</p>
          ) : (
            <div className="grid">
              {org.projects.map((p) => (
                <ProjectCard key={p.id} project={p} />
              ))}
            </div>
          )}
          {org.moreProjects && (
            <p className="mt">
              <Link to={`/explore?orgId=${org.id}`}>{t('common.loadMore')}</Link>
            </p>
          )}
        </section>
        <aside className="card" aria-labelledby="org-members">
          <h2 id="org-members" className="section-title">
            {t('org.members')}
          </h2>
          <ul className="list">
            {org.members.map((m) => (
              <li key={m.userId} className="row-between">
                <Link to={`/u/${m.userId}`} className="row link-plain">
                  <Avatar name={m.name} id={m.userId} size={28} />
                  <span>{m.name}</span>
                </Link>
                <span className={`badge${m.role === 'member' ? ' badge-muted' : ''}`}>{t(`settings.roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
          {manages && <AddMember orgId={org.id} viewerRole={org.viewer.role!} onAdded={reload} />}
        </aside>
      </div>
    </div>
  );
}

function AddMember({ orgId, viewerRole, onAdded }: { orgId: string; viewerRole: Role; onAdded: () => Promise<void> }) {
  const { t } = useTranslation('core');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [done, setDone] = useState(false);
  const { busy, error, submit, field } = useMutation(async () => {
    setDone(false);
    await api('POST', `/orgs/${orgId}/members`, { email, role });
    setEmail('');
    setDone(true);
    await onAdded();
  });
  return (
    <form className="stack-sm mt" onSubmit={submit} noValidate>
      <h3 className="m-0">{t('org.addMember')}</h3>
      <Field label={t('org.memberEmail')} type="email" {...bindValue(email, setEmail)} required {...field('email')} />
      <Field label={t('org.memberRole')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="member">{t('settings.roles.member')}</option>
          {viewerRole === 'owner' && <option value="admin">{t('settings.roles.admin')}</option>}
          {viewerRole === 'owner' && <option value="owner">{t('settings.roles.owner')}</option>}
        </select>
      </Field>
      <ErrorBanner error={error} />
      {done && (
        <div className="banner banner-success" role="status">
          {t('org.added')}
        </div>
      )}
      <div>
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !email}>
          {t('org.add')}
        </button>
      </div>
    </form>
  );
}
