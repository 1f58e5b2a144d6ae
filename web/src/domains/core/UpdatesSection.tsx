import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  Avatar,
  Comments,
  Icon,
  ErrorBanner,
  Field,
  Markdown,
  Time,
  usePagedList,
  useMutation,
  bindValue,
  ListState,
} from '../../components';
import type { Project } from './projectTypes';

export interface ProjectUpdate {
  id: string;
  title: string;
  body: string;
  bodyHtml?: string;
  author?: { id: string; name: string } | null;
  comments?: number;
  createdAt: string;
  editedAt?: string | null;
}

/** A project's updates, newest first, with a form for its hosts; each update has its own comments. */
export function UpdatesSection({ project, onPosted }: { project: Project; onPosted?: () => void }) {
  const { t } = useTranslation('core');
  const list = usePagedList<ProjectUpdate>(`/projects/${project.id}/updates`, 10);
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState(false);
  return (
    <section className="card" aria-labelledby="updates-title">
      <div className="row-between mb-sm">
        <h2 id="updates-title" className="section-title m-0">
          {t('updates.title')}
        </h2>
        {project.viewer.isHost && !writing && (
          <button type="button" className="btn btn-sm btn-primary" onClick={() => setWriting(true)}>
            <Icon name="plus" size={15} /> {t('updates.new')}
          </button>
        )}
      </div>
      {notice && (
        <div className="banner banner-success" role="status">
          {t('updates.published')}
        </div>
      )}
      {writing && (
        <UpdateForm
          projectId={project.id}
          onCancel={() => setWriting(false)}
          onDone={(u) => {
            setWriting(false);
            setNotice(true);
            list.setItems((items) => [u, ...items]);
            onPosted?.();
          }}
        />
      )}
      <ListState list={list} empty={<p className="muted">{t('updates.empty')}</p>}>
        {(items) => (
          <div>
            {items.map((u) => (
              <UpdateItem key={u.id} update={u} />
            ))}
          </div>
        )}
      </ListState>
    </section>
  );
}

function UpdateItem({ update }: { update: ProjectUpdate }) {
  const { t } = useTranslation('core');
  const [showComments, setShowComments] = useState(false);
  return (
    <article className="update">
      <h3>{update.title}</h3>
      <div className="row small muted mb-sm">
        {update.author && (
          <>
            <Avatar name={update.author.name} id={update.author.id} size={22} />
            <span>{update.author.name}</span>·
          </>
        )}
        <Time iso={update.createdAt} />
        {update.editedAt && <span className="faint">({t('updates.edited')})</span>}
      </div>
      {update.bodyHtml ? <Markdown html={update.bodyHtml} /> : <p className="pre-wrap">{update.body}</p>}
      <button type="button" className="btn btn-ghost btn-sm" aria-expanded={showComments} onClick={() => setShowComments((s) => !s)}>
        <Icon name="comment" size={15} /> {update.comments ? t('updates.comments', { count: update.comments }) : t('comments.title')}
      </button>
      {showComments && (
        <div className="mt">
          <Comments subject={`update:${update.id}`} title={null} />
        </div>
      )}
    </article>
  );
}

function UpdateForm({ projectId, onDone, onCancel }: { projectId: string; onDone: (u: ProjectUpdate) => void; onCancel: () => void }) {
  const { t } = useTranslation('core');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, submit, field } = useMutation(async () => {
    onDone(await api<ProjectUpdate>('POST', `/projects/${projectId}/updates`, { title, body }));
  });
  return (
    <form className="stack m-0 mt-smd mb-md" onSubmit={submit} noValidate>
      <Field label={t('updates.formTitle')} {...bindValue(title, setTitle)} required maxLength={200} {...field('title')} autoFocus />
      <Field label={t('updates.body')} hint={t('updates.bodyHint')} {...field('body')} required>
        <textarea {...bindValue(body, setBody)} rows={6} />
      </Field>
      <ErrorBanner error={error} fields={['title', 'body']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !title.trim() || !body.trim()}>
          {t('updates.publish')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
