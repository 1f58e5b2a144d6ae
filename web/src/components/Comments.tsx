import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSession } from '../session';
import { Avatar } from './Avatar';
import { ErrorBanner } from './ErrorBanner';
import { LoadMore, usePagedList } from './LoadMore';
import { Loading } from './Spinner';
import { Markdown } from './Markdown';
import { Time } from './Time';
import { ReportButton } from './ReportButton';

/** A comment as GET /comments answers it (replies may come nested or flat with parentId). */
export interface CommentItem {
  id: string;
  parentId: string | null;
  body: string;
  bodyHtml?: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  /** Removed by moderation or by its author: shown as a placeholder so its replies keep their place. */
  removed?: boolean;
  hidden?: boolean;
  deleted?: boolean;
  replies?: CommentItem[];
}

export interface CommentsProps {
  /** What the comments are about: "project:<id>", "idea:<id>", "update:<id>", "question:<id>"… */
  subject: string;
  /** The heading; defaults to "Comments". Pass null for none. */
  title?: string | null;
}

/** Builds the thread: nested replies as the API gives them, or from parentId on a flat list. */
function thread(items: CommentItem[]): CommentItem[] {
  if (items.some((c) => c.replies)) return items.filter((c) => !c.parentId);
  const byId = new Map(items.map((c) => [c.id, { ...c, replies: [] as CommentItem[] }]));
  const roots: CommentItem[] = [];
  for (const c of byId.values()) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies!.push(c);
    else roots.push(c);
  }
  return roots;
}

/**
 * Threaded comments on any subject: the list, a form, a reply button on each comment and a report button.
 * Usable anywhere (project overview, an idea, an update, a question).
 * @example <Comments subject={`idea:${idea.id}`} />
 */
export function Comments({ subject, title }: CommentsProps) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const location = useLocation();
  const list = usePagedList<CommentItem>(`/comments?subject=${encodeURIComponent(subject)}`, 50);
  const roots = useMemo(() => thread(list.items), [list.items]);
  const count = list.items.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0);

  const added = (c: CommentItem) => list.setItems((items) => [...items, { ...c, replies: c.replies ?? (items.some((i) => i.replies) ? [] : undefined) }]);
  const replied = (parentId: string, c: CommentItem) =>
    list.setItems((items) =>
      items.some((i) => i.replies)
        ? items.map((i) => (i.id === parentId ? { ...i, replies: [...(i.replies ?? []), c] } : i))
        : [...items, c],
    );

  return (
    <section className="comments" aria-label={title ?? t('comments.title')}>
      {title !== null && (
        <h2 className="section-title">
          {title ?? t('comments.title')} {count > 0 && <span className="badge badge-muted">{count}</span>}
        </h2>
      )}
      {me ? (
        <CommentForm subject={subject} onDone={added} />
      ) : (
        <p className="muted">
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('comments.signInToComment')}</Link>
        </p>
      )}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <Loading />
      ) : roots.length === 0 && !list.error ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <div className="stack">
          {roots.map((c) => (
            <Comment key={c.id} comment={c} subject={subject} onReplied={replied} canReply={Boolean(me)} />
          ))}
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </section>
  );
}

function Comment({ comment, subject, onReplied, canReply }: { comment: CommentItem; subject: string; onReplied: (parentId: string, c: CommentItem) => void; canReply: boolean }) {
  const { t } = useTranslation('core');
  const [replying, setReplying] = useState(false);
  const removed = comment.removed || comment.hidden || comment.deleted;
  const name = comment.author?.name ?? t('comments.someone');
  return (
    <article className="comment" aria-label={t('comments.by', { name })}>
      <Avatar name={name} id={comment.author?.id} size={34} />
      <div className="comment-main">
        <div className="comment-head">
          {comment.author ? <Link to={`/u/${comment.author.id}`}>{name}</Link> : <strong>{name}</strong>}
          <span className="faint small">
            <Time iso={comment.createdAt} />
          </span>
        </div>
        {removed ? (
          <p className="comment-removed">{t('comments.removed')}</p>
        ) : comment.bodyHtml ? (
          <Markdown html={comment.bodyHtml} className="comment-body" />
        ) : (
          <p className="comment-body" style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</p>
        )}
        {!removed && (
          <div className="comment-actions">
            {canReply && !comment.parentId && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
                ↩ {t('comments.reply')}
              </button>
            )}
            <ReportButton subject={`comment:${comment.id}`} />
          </div>
        )}
        {replying && (
          <div className="mt">
            <CommentForm
              subject={subject}
              parentId={comment.id}
              autoFocus
              onDone={(c) => {
                setReplying(false);
                onReplied(comment.id, c);
              }}
              onCancel={() => setReplying(false)}
            />
          </div>
        )}
        {comment.replies && comment.replies.length > 0 && (
          <div className="comment-replies">
            {comment.replies.map((r) => (
              <Comment key={r.id} comment={r} subject={subject} onReplied={onReplied} canReply={canReply} />
            ))}
          </div>
        )}
      </div>
    </article>
  );
}

function CommentForm({ subject, parentId, onDone, onCancel, autoFocus }: { subject: string; parentId?: string; onDone: (c: CommentItem) => void; onCancel?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation('core');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api<CommentItem>('POST', '/comments', { subject, body, ...(parentId ? { parentId } : {}) });
      setBody('');
      onDone(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const label = parentId ? t('comments.replyLabel') : t('comments.label');
  return (
    <form className="comment-form" onSubmit={submit}>
      <label className="sr-only" htmlFor={`comment-${parentId ?? 'new'}-${subject}`}>
        {label}
      </label>
      <textarea
        id={`comment-${parentId ?? 'new'}-${subject}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={parentId ? t('comments.replyPlaceholder') : t('comments.placeholder')}
        maxLength={10000}
        autoFocus={autoFocus}
      />
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !body.trim()}>
          {parentId ? t('comments.sendReply') : t('comments.send')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <span className="faint small">{t('comments.markdownHint')}</span>
      </div>
    </form>
  );
}
