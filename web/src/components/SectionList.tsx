import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState';
import { ListState } from './ListState';
import { usePagedList } from './LoadMore';

/** How one item of a SectionList reads: its linked title, a line of facts and its buttons. */
export interface SectionListRow {
  href: string;
  title: string;
  /** Badges and facts under the title. */
  meta: ReactNode;
  /** Buttons on the right (optional). */
  actions?: ReactNode;
}

export interface SectionListProps<T extends { id: string }> {
  /** The section's heading. */
  title: string;
  /** Buttons beside the heading (e.g. "New challenge" for hosts). */
  actions?: ReactNode;
  /** The API list (`{items, nextCursor}`), paged with "Load more". */
  path: string;
  /** What an empty list shows. */
  empty: { icon: string; title: string; lead: ReactNode };
  row: (item: T) => SectionListRow;
}

/**
 * A titled section listing things one per line (a project's challenges, surveys, task batches), with its states.
 * @example <SectionList<Challenge> title={t('challenges')} path={`/projects/${id}/challenges`} empty={{ icon: 'bulb', title: t('none'), lead: t('noneLead') }} row={(c) => ({ href: `/challenges/${c.id}`, title: c.title, meta: <PhaseBadge phase={c.phase} /> })} />
 */
export function SectionList<T extends { id: string }>({ title, actions, path, empty, row }: SectionListProps<T>) {
  const list = usePagedList<T>(path);
  return (
    <div className="stack">
      <div className="row-between">
        <h2 className="section-title m-0">{title}</h2>
        {actions && <div className="row">{actions}</div>}
      </div>
      <ListState
        list={list}
        empty={
          <EmptyState icon={empty.icon} title={empty.title}>
            {empty.lead}
          </EmptyState>
        }
      >
        {(items) => (
          <ul className="list card px-card">
            {items.map((item) => {
              const r = row(item);
              return (
                <li key={item.id} className="row-between">
                  <div className="stack-sm gap-2xs">
                    <Link className="fw-600" to={r.href}>
                      {r.title}
                    </Link>
                    <span className="row muted small">{r.meta}</span>
                  </div>
                  <div className="row">{r.actions}</div>
                </li>
              );
            })}
          </ul>
        )}
      </ListState>
    </div>
  );
}
