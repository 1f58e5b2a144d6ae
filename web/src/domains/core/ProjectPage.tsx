import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  Comments,
  EmptyState,
  Icon,
  ReportButton,
  ErrorBanner,
  Field,
  Loading,
  Markdown,
  Tabs,
  useApi,
  useMutation,
  bindValue,
} from '../../components';
import { formatDate, formatNumber } from '../../format';
import { useSession } from '../../session';
import { domains } from '../registry';
import { ActivityFeed } from './ActivityFeed';
import { DOMAIN_NAMESPACES } from './kinds';
import { Cover } from './ProjectCard';
import { UpdatesSection } from './UpdatesSection';
import type { Project } from './projectTypes';

/** /p/:slug and /p/:slug/:tab: the project's header, then Overview and one tab per domain. */
export function ProjectPage() {
  const { t } = useTranslation('core');
  const { slug, tab } = useParams();
  const { data: project, error, loading, reload, setData } = useApi<Project>(`/projects/${encodeURIComponent(slug!)}`);
  useEffect(() => {
    if (project) document.title = `${project.title} · ${t('appName')}`;
  }, [project, t]);

  if (loading && !project) return <Loading />;
  if (error || !project) {
    const status = (error as { status?: number } | null)?.status;
    if (status === 404)
      return (
        <EmptyState icon="compass" title={t('project.notFound')} link={{ to: '/explore', label: t('nav.explore') }}>
          {t('project.notFoundLead')}
        </EmptyState>
      );
    return <ErrorBanner error={error} onRetry={reload} />;
  }

  const domainTabs = domains.flatMap((d) => (d.projectTab ? [d.projectTab] : []));
  const items = [
    { key: 'overview', label: t('project.overview'), href: `/p/${project.slug}` },
    ...domainTabs.map((d) => ({
      key: d.key,
      label: d.labelKey.includes(':')
        ? t(d.labelKey)
        : t(d.labelKey, { ns: [...(d.namespace ? [d.namespace] : []), d.key, ...DOMAIN_NAMESPACES, 'core'] }),
      href: `/p/${project.slug}/${d.key}`,
    })),
  ];
  const active = tab ?? 'overview';
  const domainTab = domainTabs.find((d) => d.key === active);

  return (
    <article>
      {project.hidden && (
        <div className="banner banner-info mb-md" role="status">
          {t('project.hiddenNotice')}
        </div>
      )}
      <ProjectHeader project={project} onChange={(p) => setData(p)} />
      <Tabs label={t('project.tabs')} items={items} active={domainTab || active === 'overview' ? active : 'overview'}>
        {active === 'overview' ? (
          <Overview project={project} />
        ) : domainTab ? (
          <domainTab.Component project={project} />
        ) : (
          <EmptyState
            icon="compass"
            title={t('project.tabNotFound')}
            action={<Link to={`/p/${project.slug}`}>{t('project.overview')}</Link>}
          />
        )}
      </Tabs>
    </article>
  );
}

function ProjectHeader({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { t } = useTranslation('core');
  return (
    <header className="project-header">
      <Cover title={project.title} category={project.category} url={project.coverImageUrl} showCategory={false} />
      <div className="project-side">
        <div>
          <span className="badge">{t(`categories.${project.category}`, { defaultValue: project.category })}</span>
          <h1>{project.title}</h1>
          <p className="summary">{project.summary}</p>
          <p className="muted small m-0">
            {t('project.hostedBy')}{' '}
            {project.org ? (
              <Link to={`/orgs/${project.org.slug}`}>{project.org.name}</Link>
            ) : (
              <Link to={`/u/${project.owner.id}`}>{project.owner.name}</Link>
            )}
            {' · '}
            {t('project.createdOn', { date: formatDate(project.createdAt) })}
          </p>
        </div>
        <div className="project-stats">
          <div className="stat">
            <strong>{formatNumber(project.followers)}</strong>
            <span>{t('project.followers', { count: project.followers })}</span>
          </div>
        </div>
        <div className="row">
          <FollowButton project={project} onChange={onChange} />
          {project.viewer.isHost && (
            <Link className="btn" to={`/p/${project.slug}/edit`}>
              <Icon name="edit" size={16} /> {t('project.edit')}
            </Link>
          )}
          <OperatorActions project={project} onChange={onChange} />
          {!project.viewer.isHost && <ReportButton subject={`project:${project.id}`} />}
        </div>
        <LaunchSignup project={project} onChange={onChange} />
      </div>
    </header>
  );
}

/** Operators hide a project from everyone (and show it again) without waiting for a report. */
function OperatorActions({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const [error, setError] = useState<unknown>(null);
  if (me?.role !== 'operator') return null;
  const toggle = async () => {
    setError(null);
    try {
      const p = await api<Project>('POST', `/projects/${project.id}/${project.hidden ? 'unhide' : 'hide'}`, {});
      onChange({ ...project, hidden: p.hidden });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => void toggle()}>
        <Icon name="shield" size={16} /> {project.hidden ? t('project.unhide') : t('project.hide')}
      </button>
      <ErrorBanner error={error} />
    </>
  );
}

function FollowButton({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const location = useLocation();
  const {
    busy,
    error,
    run: toggle,
  } = useMutation(async () => {
    const state = await api<{ following: boolean; followers: number }>(following ? 'DELETE' : 'POST', `/projects/${project.id}/follow`);
    onChange({ ...project, followers: state.followers, viewer: { ...project.viewer, following: state.following } });
  });
  if (!me)
    return (
      <Link className="btn btn-primary" to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
        <Icon name="star" size={16} /> {t('project.signInToFollow')}
      </Link>
    );
  const following = project.viewer.following;
  return (
    <>
      <button
        type="button"
        className={following ? 'btn' : 'btn btn-primary'}
        aria-pressed={following}
        onClick={toggle}
        disabled={busy}
        title={following ? t('project.unfollow') : t('project.followHint')}
      >
        <Icon name="star" size={16} filled={following} /> {following ? t('project.following') : t('project.follow')}
      </button>
      {error !== null && <ErrorBanner error={error} />}
    </>
  );
}

function LaunchSignup({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { t, i18n } = useTranslation('core');
  const { me } = useSession();
  const [email, setEmail] = useState('');
  const { busy, error, submit } = useMutation(async () => {
    await api('POST', `/projects/${project.id}/signups`, me ? { locale: i18n.language } : { email, locale: i18n.language });
    onChange({ ...project, viewer: { ...project.viewer, signedUp: true } });
  });
  if (project.viewer.isHost) return null;
  if (project.viewer.signedUp)
    return (
      <div className="banner banner-success" role="status">
        <Icon name="bell" /> <span className="banner-body">{me ? t('signup.doneMember') : t('signup.done')}</span>
      </div>
    );
  return (
    <form className="card stack-sm p-md" onSubmit={submit}>
      <strong className="row gap-xs">
        <Icon name="bell" /> {t('signup.title')}
      </strong>
      <span className="muted small">{me ? t('signup.leadMember') : t('signup.lead')}</span>
      {me ? (
        <button type="submit" className="btn btn-success" disabled={busy}>
          {t('signup.submit')}
        </button>
      ) : (
        <div className="row items-end">
          <div className="basis-12">
            <Field label={t('signup.email')} type="email" autoComplete="email" {...bindValue(email, setEmail)} required />
          </div>
          <button type="submit" className="btn btn-success" disabled={busy || !email}>
            {t('signup.submit')}
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
    </form>
  );
}

function Overview({ project }: { project: Project }) {
  const { t } = useTranslation('core');
  const [feedVersion, setFeedVersion] = useState(0);
  return (
    <div className="two-col">
      <div className="stack gap-xl">
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title" className="section-title">
            {t('project.about')}
          </h2>
          {project.descriptionHtml.trim() ? (
            <Markdown html={project.descriptionHtml} />
          ) : (
            <p className="muted">{t('project.noDescription')}</p>
          )}
        </section>
        <UpdatesSection project={project} onPosted={() => setFeedVersion((v) => v + 1)} />
        <div className="card">
          <Comments subject={`project:${project.id}`} />
        </div>
      </div>
      <aside className="card">
        <ActivityFeed key={feedVersion} projectId={project.id} />
      </aside>
    </div>
  );
}
