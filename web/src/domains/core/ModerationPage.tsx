import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { EmptyState, ErrorBanner, LoadMore, Loading, RequireSignIn, Tabs, Time, usePagedList } from '../../components';

export interface ReportItem {
  id: string;
  subject: string;
  reason: string;
  status: string;
  reporter?: { id: string; name: string } | null;
  createdAt: string;
  /** What was reported, as the server shows it to operators. */
  target?: { title?: string | null; excerpt?: string | null; authorName?: string | null; link?: string | null; hidden?: boolean } | null;
  reports?: number;
}

/** /moderation: the operators' queue of reports; hide what breaks the rules, dismiss the rest. */
export function ModerationPage() {
  return (
    <RequireSignIn operator>
      <Queue />
    </RequireSignIn>
  );
}

function Queue() {
  const { t } = useTranslation('core');
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const list = usePagedList<ReportItem>(`/moderation/reports?status=${status}`, 20);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Record<string, 'hide' | 'dismiss'>>({});
  useEffect(() => {
    document.title = `${t('moderation.title')} · ${t('appName')}`;
  }, [t]);

  const resolve = async (r: ReportItem, action: 'hide' | 'dismiss') => {
    setError(null);
    try {
      await api('POST', `/moderation/reports/${r.id}/resolve`, { action });
      setDone((d) => ({ ...d, [r.id]: action }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div>
      <div className="page-head">
        <div>
          <h1>{t('moderation.title')}</h1>
          <p className="muted" style={{ margin: '0.3rem 0 0' }}>{t('moderation.lead')}</p>
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
        <ErrorBanner error={error ?? list.error} onRetry={list.error ? list.reload : undefined} />
        {list.loading ? (
          <Loading />
        ) : list.items.length === 0 && !list.error ? (
          <EmptyState icon="shield" title={t('moderation.empty')}>
            {t('moderation.emptyLead')}
          </EmptyState>
        ) : (
          <div className="stack">
            {list.items.map((r) => {
              const [type] = r.subject.split(':');
              const resolved = done[r.id];
              return (
                <article key={r.id} className="card stack-sm" aria-label={`${t(`moderation.kinds.${type}`, { defaultValue: type })}: ${r.reason}`}>
                  <div className="row-between">
                    <div className="row">
                      <span className="badge badge-warn">{t(`moderation.kinds.${type}`, { defaultValue: type })}</span>
                      {r.reports && r.reports > 1 && <span className="badge badge-danger">{t('moderation.reports', { count: r.reports })}</span>}
                      {r.target?.hidden && <span className="badge badge-muted">{t('moderation.resolvedHidden')}</span>}
                    </div>
                    <span className="faint small">
                      <Time iso={r.createdAt} />
                    </span>
                  </div>
                  {(r.target?.title || r.target?.excerpt) && (
                    <blockquote style={{ margin: 0, paddingLeft: '0.9rem', borderLeft: '3px solid var(--border-strong)' }}>
                      {r.target.title && <strong>{r.target.title}</strong>}
                      {r.target.excerpt && <div className="muted">{r.target.excerpt}</div>}
                      {r.target.authorName && <div className="faint small">— {r.target.authorName}</div>}
                    </blockquote>
                  )}
                  <div>
                    <span className="label">{t('moderation.reason')}: </span>
                    {r.reason}
                  </div>
                  {r.reporter && (
                    <div className="small muted">
                      {t('moderation.reporter')} <Link to={`/u/${r.reporter.id}`}>{r.reporter.name}</Link>
                    </div>
                  )}
                  <div className="form-actions">
                    {resolved ? (
                      <span className="badge badge-success" role="status">
                        {resolved === 'hide' ? t('moderation.resolvedHidden') : t('moderation.resolvedDismissed')}
                      </span>
                    ) : status === 'open' ? (
                      <>
                        <button type="button" className="btn btn-danger btn-sm" onClick={() => void resolve(r, 'hide')}>
                          {t('moderation.hide')}
                        </button>
                        <button type="button" className="btn btn-sm" onClick={() => void resolve(r, 'dismiss')}>
                          {t('moderation.dismiss')}
                        </button>
                      </>
                    ) : null}
                    {r.target?.link && (
                      <Link className="btn btn-ghost btn-sm" to={r.target.link}>
                        {t('moderation.view')} →
                      </Link>
                    )}
                  </div>
                </article>
              );
            })}
          </div>
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      </Tabs>
    </div>
  );
}
