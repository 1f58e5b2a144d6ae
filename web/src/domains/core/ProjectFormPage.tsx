import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorBanner, Field, fieldError, Loading, RequireSignIn, useApi, useMutation } from '../../components';
import { useSession } from '../../session';
import { CATEGORIES, type Project } from './projectTypes';

interface MyOrg {
  id: string;
  slug: string;
  name: string;
  role: 'owner' | 'admin' | 'member';
}

interface Values {
  title: string;
  summary: string;
  description: string;
  category: string;
  coverImageUrl: string;
  slug: string;
  orgId: string;
}

/** /projects/new (?org=<id> preselects the host organization). */
export function NewProjectPage() {
  return (
    <RequireSignIn>
      <ProjectForm />
    </RequireSignIn>
  );
}

/** /p/:slug/edit, for the project's hosts. */
export function EditProjectPage() {
  const { slug } = useParams();
  const { data, error, loading, reload } = useApi<Project>(`/projects/${encodeURIComponent(slug!)}`);
  return (
    <RequireSignIn>
      {loading ? <Loading /> : error ? <ErrorBanner error={error} onRetry={reload} /> : data ? <ProjectForm project={data} /> : null}
    </RequireSignIn>
  );
}

function ProjectForm({ project }: { project?: Project }) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orgs = useApi<{ items: MyOrg[] }>(project ? null : '/me/orgs');
  const hostOrgs = (orgs.data?.items ?? []).filter((o) => o.role === 'owner' || o.role === 'admin');
  const [values, setValues] = useState<Values>({
    title: project?.title ?? '',
    summary: project?.summary ?? '',
    description: project?.description ?? '',
    category: project?.category ?? '',
    coverImageUrl: project?.coverImageUrl ?? '',
    slug: project?.slug ?? '',
    orgId: params.get('org') ?? '',
  });
  const { busy, error, submit } = useMutation(async () => {
    try {
      const body: Record<string, unknown> = {
        title: values.title,
        summary: values.summary,
        description: values.description,
        category: values.category || undefined,
      };
      let saved: Project;
      if (project) {
        body.coverImageUrl = values.coverImageUrl.trim() || null;
        if (values.slug !== project.slug) body.slug = values.slug;
        saved = await api<Project>('PATCH', `/projects/${project.id}`, body);
      } else {
        if (values.coverImageUrl.trim()) body.coverImageUrl = values.coverImageUrl.trim();
        if (values.orgId) body.orgId = values.orgId;
        saved = await api<Project>('POST', '/projects', body);
      }
      if (mounted.current) navigate(`/p/${saved.slug}`);
    } catch (err) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      throw err;
    }
  });
  // A person who left the form while it was saving is not pulled back to the project.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    document.title = `${project ? t('project.editTitle') : t('project.newTitle')} · ${t('appName')}`;
  }, [project, t]);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <div className="medium">
      <div className="page-head">
        <div>
          <h1>{project ? t('project.editTitle') : t('project.newTitle')}</h1>
          {!project && <p className="muted m-0 mt-sm">{t('project.newLead')}</p>}
        </div>
      </div>
      <form className="card stack" onSubmit={submit} noValidate>
        <ErrorBanner error={error} fields={['title', 'summary', 'category', 'description', 'coverImageUrl', 'slug', 'orgId']} />
        <Field
          label={t('project.title')}
          value={values.title}
          onChange={set('title')}
          required
          maxLength={120}
          error={fieldError(error, 'title')}
        />
        <Field label={t('project.summary')} hint={t('project.summaryHint')} error={fieldError(error, 'summary')} required>
          <textarea className="min-h-4" value={values.summary} onChange={set('summary')} maxLength={300} rows={2} />
        </Field>
        <Field label={t('project.category')} error={fieldError(error, 'category')} required>
          <select value={values.category} onChange={set('category')}>
            <option value="">{t('project.chooseCategory')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('project.description')} hint={t('project.descriptionHint')} error={fieldError(error, 'description')}>
          <textarea value={values.description} onChange={set('description')} rows={10} maxLength={50000} />
        </Field>
        <Field
          label={t('project.cover')}
          hint={t('project.coverHint')}
          type="url"
          value={values.coverImageUrl}
          onChange={set('coverImageUrl')}
          placeholder="https://"
          error={fieldError(error, 'coverImageUrl')}
        />
        {project && (
          <Field
            label={t('project.slug')}
            hint={t('project.slugHint', { slug: values.slug })}
            value={values.slug}
            onChange={set('slug')}
            maxLength={60}
            error={fieldError(error, 'slug')}
          />
        )}
        {!project && hostOrgs.length > 0 && (
          <Field label={t('project.host')} error={fieldError(error, 'orgId')}>
            <select value={values.orgId} onChange={set('orgId')}>
              <option value="">{t('project.hostMe', { name: me?.name ?? '' })}</option>
              {hostOrgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : project ? t('project.save') : t('project.create')}
          </button>
          <Link className="btn btn-ghost" to={project ? `/p/${project.slug}` : '/'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
