import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { EmptyState, Icon, Time, usePagedList, ListState } from '../../components';
import { useUnread } from './unread';
import { humanizeKind, kindText } from './kinds';

export interface NotificationItem {
  id: string;
  kind: string;
  subject: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

/** Where a notification leads: a link its data names, else the project it is about. */
export function notificationLink(n: NotificationItem): string | null {
  const d = n.data;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const link = str('link') ?? str('url') ?? str('path');
  if (link?.startsWith('/')) return link;
  const slug = str('projectSlug') ?? str('slug');
  if (slug) return `/p/${slug}`;
  const projectId = str('projectId');
  if (projectId) return `/p/${projectId}`;
  if (n.subject?.startsWith('project:')) return `/p/${n.subject.slice(8)}`;
  const on = str('on');
  if (on?.startsWith('project:')) return `/p/${on.slice(8)}`;
  const orgSlug = str('orgSlug') ?? str('orgId');
  if (orgSlug) return `/orgs/${orgSlug}`;
  return null;
}

/** /notifications: newest first, unread highlighted, mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation('core');
  const list = usePagedList<NotificationItem>('/notifications', 20);
  const { unread, set: setUnread, refresh } = useUnread();
  const serverUnread = typeof list.last?.unread === 'number' ? (list.last.unread as number) : null;
  useEffect(() => {
    if (serverUnread !== null) setUnread(serverUnread);
  }, [serverUnread, setUnread]);
  useEffect(() => {
    document.title = `${t('notifications.title')} · ${t('appName')}`;
  }, [t]);

  const markRead = async (ids?: string[]) => {
    const now = new Date().toISOString();
    list.setItems((items) => items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)));
    try {
      await api('POST', '/notifications/read', ids ? { ids } : {});
    } finally {
      await refresh();
    }
  };

  return (
    <div className="medium">
      <div className="page-head">
        <div>
          <h1>{t('notifications.title')}</h1>
          <span className="muted small">{unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.allRead')}</span>
        </div>
        {unread > 0 && (
          <button type="button" className="btn" onClick={() => void markRead()}>
            <Icon name="check" size={16} /> {t('notifications.markAll')}
          </button>
        )}
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon="bell" title={t('notifications.empty')} link={{ to: '/explore', label: t('nav.explore') }}>
            {t('notifications.emptyLead')}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card p-xs">
            {items.map((n) => {
              const text = notificationText(t as TFn, n);
              const link = notificationLink(n);
              return (
                <li key={n.id} className={`notification${n.readAt ? '' : ' unread'}`}>
                  <span className={`dot${n.readAt ? ' read' : ''}`} aria-hidden="true" />
                  <div className="grow min-w-0">
                    <div>
                      {!n.readAt && <span className="sr-only">{t('notifications.unread', { count: 1 })}: </span>}
                      {link ? (
                        <Link to={link} onClick={() => !n.readAt && void markRead([n.id])}>
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </div>
                    {typeof n.data.excerpt === 'string' && n.data.excerpt && (
                      <div className="muted small activity-excerpt">“{n.data.excerpt}”</div>
                    )}
                    <div className="faint small">
                      <Time iso={n.createdAt} />
                    </div>
                  </div>
                  {!n.readAt && (
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => void markRead([n.id])}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </ListState>
    </div>
  );
}

type TFn = (key: string | string[], opts?: Record<string, unknown>) => string;

/** The sentence for a notification, in the reader's language, filled from its data (names, titles). */
export function notificationText(t: TFn, n: NotificationItem): string {
  const d = n.data as Record<string, unknown>;
  const vars = {
    ...d,
    name: (d.actorName ?? d.authorName ?? d.byName ?? d.name ?? t('comments.someone')) as string,
    title: (d.projectTitle ?? d.title ?? '') as string,
    updateTitle: (d.updateTitle ?? d.title ?? '') as string,
  };
  const title = vars.title ? ` — ${vars.title}` : '';
  const fallback = typeof d.message === 'string' ? d.message : `${humanizeKind(n.kind)}${title}`;
  return kindText(t, 'notifications', n.kind, vars, fallback);
}
