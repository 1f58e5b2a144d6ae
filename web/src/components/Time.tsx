import { formatDate, formatRelative } from '../format';

/**
 * A date in the reader's language: relative ("3 hours ago") with the full date on hover, or a plain date.
 * @example <Time iso={comment.createdAt} />  <Time iso={campaign.deadline} relative={false} />
 */
export function Time({ iso, relative = true }: { iso: string; relative?: boolean }) {
  const full = formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <time dateTime={iso} title={full}>
      {relative ? formatRelative(iso) : formatDate(iso)}
    </time>
  );
}
