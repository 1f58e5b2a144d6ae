// /questions/ask (site-wide) and /p/:slug/questions/ask (on a project).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { splitList } from '../../format';
import { api } from '../../api';
import { ErrorBanner, Field, fieldError, Loading, useApi, usePageTitle, bindValue, useMutation } from '../../components';
import type { ProjectSummary } from '../types';
import type { Question } from './types';

export function AskPage() {
  const { t } = useTranslation('knowledge');
  const { slug } = useParams();
  const navigate = useNavigate();
  const project = useApi<ProjectSummary>(slug ? `/projects/${encodeURIComponent(slug)}` : null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const { busy, error, submit } = useMutation(async () => {
    const payload = {
      title,
      body,
      tags: splitList(tags),
    };
    const q = await api<Question>('POST', project.data ? `/projects/${project.data.id}/questions` : '/questions', payload);
    navigate(`/questions/${q.id}`);
  });
  usePageTitle(t('ask.title'));
  if (slug && project.loading) return <Loading />;
  if (slug && (project.error || !project.data)) return <ErrorBanner error={project.error} />;

  return (
    <div className="medium stack">
      <div>
        <Link to={project.data ? `/p/${project.data.slug}/questions` : '/questions'} className="small">
          ← {project.data ? project.data.title : t('allTitle')}
        </Link>
        <h1>{t('ask.title')}</h1>
        <p className="muted m-0">{project.data ? t('ask.onProject', { title: project.data.title }) : t('ask.siteWide')}</p>
      </div>
      <form className="card stack" onSubmit={submit} noValidate>
        <ErrorBanner error={error} fields={['title', 'body', 'tags']} />
        <Field
          label={t('ask.questionTitle')}
          hint={t('ask.titleHint')}
          {...bindValue(title, setTitle)}
          error={fieldError(error, 'title')}
          required
          maxLength={200}
        />
        <Field label={t('ask.body')} hint={t('ask.bodyHint')} error={fieldError(error, 'body')}>
          <textarea {...bindValue(body, setBody)} rows={7} />
        </Field>
        <Field label={t('ask.tags')} hint={t('ask.tagsHint')} {...bindValue(tags, setTags)} error={fieldError(error, 'tags')} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('ask.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
