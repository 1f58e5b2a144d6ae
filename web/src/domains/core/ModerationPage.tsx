import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiItem } from '../../api';
import { EmptyState, ErrorBanner, Field, Tabs, Time, usePagedList, bindValue, ListState } from '../../components';

/** A report as GET /moderation/reports answers it. */
export type ReportItem = ApiItem<'/api/v1/moderation/reports'>;

/** Where the reported thing can be seen. */
function viewLink(r: ReportItem): string | null {
  if (r.subject.type === 'project') return `/p/${r.subject.slug ?? r.subject.id}`;
  if (r.subject.projectId) return `/p/${r.subject.projectId}`;
  return null;
}

/** /moderation: the operators' queue of reports; hide what breaks the rules, dismiss the rest, show again. */
export function ModerationPage() {
  const { t } = useTranslation('core');
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const list = usePagedList<ReportItem>(`/moderation/reports?status=${status}`, 20);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = `${t('moderation.title')} · ${t('appName')}`;
  }, [t]);

  const replace = (next: ReportItem) =>
    list.setItems((items) =>
      items.map((i) =>
        i.id === next.id
          ? next
          : // Resolving one report resolves every open report on the same subject.
            i.subject.type === next.subject.type && i.subject.id === next.subject.id
            ? { ...i, status: next.status, resolution: next.resolution, subject: { ...i.subject, hidden: next.subject.hidden } }
            : i,
      ),
    );

  const resolve = async (r: ReportItem, action: 'hide' | 'dismiss', note: string) => {
    setError(null);
    try {
      replace(
        await api<ReportItem>('POST', `/moderation/reports/${r.id}/resolve`, { action, ...(note.trim() ? { note: note.trim() } : {}) }),
      );
    } catch (err) {
      setError(err);
    }
  };
  const setHidden = async (r: ReportItem, hidden: boolean) => {
    setError(null);
    try {
      await api('POST', `/${r.subject.type}s/${r.subject.id}/${hidden ? 'hide' : 'unhide'}`, {});
      list.setItems((items) =>
        items.map((i) =>
          i.subject.type === r.subject.type && i.subject.id === r.subject.id ? { ...i, subject: { ...i.subject, hidden } } : i,
        ),
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="medium">
      <div className="page-head">
        <div>
          <h1>{t('moderation.title')}</h1>
          <p className="muted m-0 mt-xs">{t('moderation.lead')}</p>
        </div>
      </div>
      <Tabs
        label={t('moderation.filter')}
        items={[
          { key: 'open', label: t('moderation.open') },
          { key: 'resolved', label: t('moderation.resolved') },
        ]}
        active={status}
        onChange={(k) => setStatus(k as 'open' | 'resolved')}
      >
        <div className="stack">
          <ErrorBanner error={error} />
          <ListState
            list={list}
            empty={
              <EmptyState icon="shield" title={t('moderation.empty')}>
                {t('moderation.emptyLead')}
              </EmptyState>
            }
          >
            {(items) => items.map((r) => <ReportCard key={r.id} report={r} onResolve={resolve} onSetHidden={setHidden} />)}
          </ListState>
        </div>
      </Tabs>
    </div>
  );
}

function ReportCard({
  report: r,
  onResolve,
  onSetHidden,
}: {
  report: ReportItem;
  onResolve: (r: ReportItem, action: 'hide' | 'dismiss', note: string) => Promise<void>;
  onSetHidden: (r: ReportItem, hidden: boolean) => Promise<void>;
}) {
  const { t } = useTranslation('core');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const link = viewLink(r);
  const kind = t(`moderation.kinds.${r.subject.type}`);
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    await fn();
    setBusy(false);
  };
  return (
    <article className="card stack-sm" aria-label={`${kind}: ${r.reason}`}>
      <div className="row-between">
        <div className="row">
          <span className="badge badge-warn">{kind}</span>
          {r.openReports > 1 && <span className="badge badge-danger">{t('moderation.reports', { count: r.openReports })}</span>}
          {r.subject.hidden && <span className="badge badge-muted">{t('moderation.isHidden')}</span>}
          {r.resolution && (
            <span className="badge badge-success">
              {r.resolution === 'hidden' ? t('moderation.resolvedHidden') : t('moderation.resolvedDismissed')}
            </span>
          )}
        </div>
        <span className="faint small">
          <Time iso={r.createdAt} />
        </span>
      </div>
      <blockquote className="reported">
        {r.subject.title && <strong>{r.subject.title}</strong>}
        {r.subject.excerpt && <div>{r.subject.excerpt}</div>}
        {r.subject.author && (
          <div className="faint small">
            — <Link to={`/u/${r.subject.author.id}`}>{r.subject.author.name}</Link>
          </div>
        )}
      </blockquote>
      <div>
        <span className="label">{t('moderation.reason')}</span> {r.reason}
      </div>
      <div className="small muted">
        {t('moderation.reporter')} <Link to={`/u/${r.reporter.id}`}>{r.reporter.name}</Link>
        {r.resolvedBy && (
          <>
            {' · '}
            {t('moderation.resolvedBy', { name: r.resolvedBy.name })}
            {r.note && ` — ${r.note}`}
          </>
        )}
      </div>
      {r.status === 'open' && (
        <Field label={t('moderation.note')} hint={t('moderation.noteHint')} {...bindValue(note, setNote)} maxLength={1000} />
      )}
      <div className="form-actions">
        {r.status === 'open' ? (
          <>
            <button
              type="button"
              className="btn btn-danger btn-sm"
              disabled={busy}
              onClick={() => void act(() => onResolve(r, 'hide', note))}
            >
              {t('moderation.hide')}
            </button>
            <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void act(() => onResolve(r, 'dismiss', note))}>
              {t('moderation.dismiss')}
            </button>
          </>
        ) : r.subject.hidden ? (
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void act(() => onSetHidden(r, false))}>
            {t('moderation.restore')}
          </button>
        ) : null}
        {link && (
          <Link className="btn btn-ghost btn-sm" to={link}>
            {t('moderation.view')} →
          </Link>
        )}
      </div>
    </article>
  );
}
