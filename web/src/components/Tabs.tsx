import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface TabItem {
  key: string;
  label: ReactNode;
  /** With href, the tab is a link (the tab is selected by the URL, e.g. /p/:slug/:tab). */
  href?: string;
  /** A small count shown after the label. */
  count?: number;
}

export interface TabsProps {
  items: TabItem[];
  /** The selected tab's key. */
  active: string;
  /** Called when a tab without href is chosen. */
  onChange?: (key: string) => void;
  /** The tab list's accessible name ("Project sections"). */
  label: string;
  /** The selected tab's content, rendered in the tab panel. */
  children?: ReactNode;
}

/**
 * Accessible tabs (arrow keys, Home/End move between tabs), as buttons or as links.
 * @example <Tabs label="Views" items={[{ key: 'top', label: 'Top' }, { key: 'new', label: 'New' }]} active={sort} onChange={setSort}>{list}</Tabs>
 * @example <Tabs label="Project" items={tabs.map((t) => ({ key: t.key, label: t.label, href: `/p/${slug}/${t.key}` }))} active={tab}>{panel}</Tabs>
 */
export function Tabs({ items, active, onChange, label, children }: TabsProps) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (key: string) => `${base}-tab-${key}`;
  const panelId = `${base}-panel`;

  const onKeyDown = (e: KeyboardEvent) => {
    const tabs = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []);
    const index = tabs.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next]!.focus();
  };

  return (
    <div>
      <div className="tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const selected = item.key === active;
          const common = {
            id: tabId(item.key),
            role: 'tab',
            className: 'tab',
            'aria-selected': selected,
            'aria-controls': selected ? panelId : undefined,
            tabIndex: selected ? 0 : -1,
          } as const;
          const content = (
            <>
              {item.label}
              {item.count !== undefined && <span className="badge badge-muted ml-xs">{item.count}</span>}
            </>
          );
          return item.href ? (
            <Link key={item.key} to={item.href} {...common} replace preventScrollReset>
              {content}
            </Link>
          ) : (
            <button key={item.key} type="button" {...common} onClick={() => onChange?.(item.key)}>
              {content}
            </button>
          );
        })}
      </div>
      {children !== undefined && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the ARIA tabs pattern puts the panel in the tab order, so that Tab goes from the tab list to the panel
        <div className="no-outline" role="tabpanel" id={panelId} aria-labelledby={tabId(active)} tabIndex={0}>
          {children}
        </div>
      )}
    </div>
  );
}
