import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, ICON_NAMES } from './Icon';

export interface EmptyStateProps {
  /** The headline: "No ideas yet". */
  title: string;
  /** One sentence on what to do next. */
  children?: ReactNode;
  /** A button or link, e.g. <Link className="btn btn-primary" to="...">Create</Link>. */
  action?: ReactNode;
  /** The usual action: a primary button to another page. */
  link?: { to: string; label: ReactNode };
  /** An icon name (see Icon: "bulb", "inbox"…) or any element, shown above the title. */
  icon?: ReactNode;
}

/**
 * What a list shows when it has nothing in it yet.
 * @example <EmptyState icon="compass" title={t('notFound')} link={{ to: '/explore', label: t('explore') }} />
 * @example <EmptyState icon="bulb" title={t('noIdeas')} action={<button className="btn btn-primary">New idea</button>}>Be the first.</EmptyState>
 */
export function EmptyState({ title, children, action, link, icon }: EmptyStateProps) {
  return (
    <div className="empty">
      {icon && (
        <div className="empty-icon" aria-hidden="true">
          {typeof icon === 'string' && ICON_NAMES.includes(icon) ? <Icon name={icon} size={30} /> : icon}
        </div>
      )}
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
      {link && (
        <Link className="btn btn-primary" to={link.to}>
          {link.label}
        </Link>
      )}
    </div>
  );
}
