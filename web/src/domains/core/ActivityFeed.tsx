import { useTranslation } from 'react-i18next';
import { humanizeKind, kindText } from './kinds';
import { Icon, Time, usePagedList, ListState } from '../../components';

export interface ActivityItem {
  id: string;
  kind: string;
  actor?: { id: string; name: string } | null;
  subject?: string | null;
  data?: Record<string, unknown>;
  createdAt: string;
}

const ICONS: Record<string, string> = {
  comment: 'comment',
  update: 'megaphone',
  follow: 'star',
  project: 'rocket',
  signup: 'bell',
  idea: 'bulb',
  challenge: 'bulb',
  pledge: 'coins',
  campaign: 'target',
  survey: 'chart',
  question: 'help',
  answer: 'check',
  task: 'puzzle',
  batch: 'puzzle',
};

function iconFor(kind: string): string {
  // The kind's first word names its family: comment, campaign_launched → campaign, pledge_collected → pledge.
  const [head] = kind.split(/[._]/);
  return ICONS[head!] ?? ICONS[kind] ?? 'target';
}

/** The project's activity feed, newest first. */
export function ActivityFeed({ projectId }: { projectId: string }) {
  const { t } = useTranslation('core');
  const list = usePagedList<ActivityItem>(`/projects/${projectId}/activity`, 15);
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title" className="section-title">
        {t('activity.title')}
      </h2>
      <ListState list={list} empty={<p className="muted">{t('activity.empty')}</p>}>
        {(items) => (
          <ul className="list">
            {items.map((a) => {
              const name = a.actor?.name ?? t('activity.someone');
              const text = kindText(t as never, 'activity', a.kind, { ...(a.data ?? {}), name }, `${name} · ${humanizeKind(a.kind)}`);
              return (
                <li key={a.id} className="activity-item">
                  <span className="activity-icon" aria-hidden="true">
                    <Icon name={iconFor(a.kind)} size={15} />
                  </span>
                  <div className="min-w-0">
                    <div>{text}</div>
                    {typeof a.data?.excerpt === 'string' && a.data.excerpt && (
                      <div className="muted small activity-excerpt">“{a.data.excerpt}”</div>
                    )}
                    <div className="faint small">
                      <Time iso={a.createdAt} />
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </ListState>
    </section>
  );
}
