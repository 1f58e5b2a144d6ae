import { bindValue } from './bindValue';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSession } from '../session';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { ErrorBanner } from './ErrorBanner';
import { useMutation } from './useMutation';
import { usePagedList } from './LoadMore';
import { Markdown } from './Markdown';
import { ListState } from './ListState';
import { Time } from './Time';
import { ReportButton } from './ReportButton';

/** A comment as GET /comments answers it: a top comment carries its thread's replies (flat, reading order). */
export interface CommentItem {
  id: string;
  subject?: string;
  parentId: string | null;
  rootId?: string;
  depth?: number;
  /** Null when hidden by moderation. */
  author: { id: string; name: string } | null;
  body: string | null;
  bodyHtml?: string | null;
  /** Hidden by moderation: shown as a placeholder so its replies keep their place. */
  hidden?: boolean;
  createdAt: string;
  replyCount?: number;
  moreReplies?: boolean;
  replies?: CommentItem[];
}

export interface CommentsProps {
  /** What the comments are about: "project:<id>", "idea:<id>", "update:<id>", "question:<id>"… */
  subject: string;
  /** The heading; defaults to "Comments". Pass null for none. */
  title?: string | null;
}

/** Replies nest visually this deep; deeper ones line up under the last level. */
const MAX_VISUAL_DEPTH = 4;
/** The API refuses replies past this depth. */
const MAX_DEPTH = 8;

interface Node {
  comment: CommentItem;
  children: Node[];
}

/** Nests a thread's flat replies under their parents. */
function nest(root: CommentItem): Node {
  const nodes = new Map<string, Node>([[root.id, { comment: root, children: [] }]]);
  for (const r of root.replies ?? []) nodes.set(r.id, { comment: r, children: [] });
  for (const r of root.replies ?? []) (nodes.get(r.parentId ?? root.id) ?? nodes.get(root.id)!).children.push(nodes.get(r.id)!);
  return nodes.get(root.id)!;
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
  const list = usePagedList<CommentItem>(`/comments?subject=${encodeURIComponent(subject)}`, 20);
  const [added, setAdded] = useState(0);
  const total = typeof list.last?.total === 'number' ? (list.last.total as number) + added : null;

  const onCreated = (c: CommentItem) => {
    setAdded((n) => n + 1);
    if (!c.parentId) list.setItems((items) => [{ ...c, replies: c.replies ?? [] }, ...items]);
    else
      list.setItems((items) =>
        items.map((i) =>
          i.id === (c.rootId ?? c.parentId) ? { ...i, replies: [...(i.replies ?? []), c], replyCount: (i.replyCount ?? 0) + 1 } : i,
        ),
      );
  };

  return (
    <section className="comments" aria-label={title ?? t('comments.title')}>
      {title !== null && (
        <h2 className="section-title">
          {title ?? t('comments.title')} {total !== null && total > 0 && <span className="badge badge-muted">{total}</span>}
        </h2>
      )}
      {me ? (
        <CommentForm subject={subject} onDone={onCreated} />
      ) : (
        <p className="muted">
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('comments.signInToComment')}</Link>
        </p>
      )}
      <ListState list={list} empty={<p className="muted">{t('comments.empty')}</p>}>
        {(items) => (
          <div className="stack">
            {items.map((c) => (
              <Comment key={c.id} node={nest(c)} subject={subject} onCreated={onCreated} canReply={Boolean(me)} level={0} />
            ))}
          </div>
        )}
      </ListState>
    </section>
  );
}

function Comment({
  node,
  subject,
  onCreated,
  canReply,
  level,
}: {
  node: Node;
  subject: string;
  onCreated: (c: CommentItem) => void;
  canReply: boolean;
  level: number;
}) {
  const { t } = useTranslation('core');
  const { me } = useSession();
  const [replying, setReplying] = useState(false);
  const [hiddenNow, setHiddenNow] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const comment = node.comment;
  const hidden = hiddenNow ?? Boolean(comment.hidden);
  // Operators still see a hidden comment's text (marked), to judge it and show it again.
  const operator = me?.role === 'operator';
  const removed = comment.body === null || (hidden && !operator);
  const toggleHidden = async () => {
    setError(null);
    try {
      await api('POST', `/comments/${comment.id}/${hidden ? 'unhide' : 'hide'}`, {});
      setHiddenNow(!hidden);
    } catch (err) {
      setError(err);
    }
  };
  const name = comment.author?.name ?? t('comments.someone');
  const children = node.children.map((child) => (
    <Comment key={child.comment.id} node={child} subject={subject} onCreated={onCreated} canReply={canReply} level={level + 1} />
  ));
  return (
    <>
      <article className={`comment${hidden ? ' is-hidden' : ''}`} aria-label={t('comments.by', { name })}>
        {removed ? (
          <span className={`avatar avatar-removed ${level === 0 ? 'avatar-34' : 'avatar-28'}`} aria-hidden="true" />
        ) : (
          <Avatar name={name} id={comment.author?.id} size={level === 0 ? 34 : 28} />
        )}
        <div className="comment-main">
          <div className="comment-head">
            {comment.author ? <Link to={`/u/${comment.author.id}`}>{name}</Link> : !removed && <strong>{name}</strong>}
            <span className="faint small">
              <Time iso={comment.createdAt} />
            </span>
          </div>
          {hidden && !removed && <p className="comment-removed small">{t('comments.hiddenForOthers')}</p>}
          {removed ? (
            <p className="comment-removed">{t('comments.removed')}</p>
          ) : comment.bodyHtml ? (
            <Markdown html={comment.bodyHtml} className="comment-body" />
          ) : (
            <p className="comment-body pre-wrap">{comment.body}</p>
          )}
          {!removed && (
            <div className="comment-actions">
              {canReply && !hidden && (comment.depth ?? level) < MAX_DEPTH && (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
                  <Icon name="reply" size={14} /> {t('comments.reply')}
                </button>
              )}
              {!hidden && comment.author?.id !== me?.id && <ReportButton subject={`comment:${comment.id}`} />}
              {operator && (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void toggleHidden()}>
                  {hidden ? t('comments.unhide') : t('comments.hide')}
                </button>
              )}
            </div>
          )}
          <ErrorBanner error={error} />
          {replying && (
            <div className="mt">
              <CommentForm
                subject={subject}
                parentId={comment.id}
                autoFocus
                onDone={(c) => {
                  setReplying(false);
                  onCreated(c);
                }}
                onCancel={() => setReplying(false)}
              />
            </div>
          )}
          {children.length > 0 && level < MAX_VISUAL_DEPTH - 1 && <div className="comment-replies">{children}</div>}
        </div>
      </article>
      {children.length > 0 && level >= MAX_VISUAL_DEPTH - 1 && children}
    </>
  );
}

function CommentForm({
  subject,
  parentId,
  onDone,
  onCancel,
  autoFocus,
}: {
  subject: string;
  parentId?: string;
  onDone: (c: CommentItem) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('core');
  const [body, setBody] = useState('');
  const { busy, error, submit } = useMutation(async () => {
    if (!body.trim()) return;
    const created = await api<CommentItem>('POST', '/comments', { subject, body, ...(parentId ? { parentId } : {}) });
    setBody('');
    onDone(created);
  });
  // A reply form opened by "Reply" takes the focus, so that one can type at once.
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);
  const label = parentId ? t('comments.replyLabel') : t('comments.label');
  return (
    <form className="comment-form" onSubmit={submit}>
      <label className="sr-only" htmlFor={`comment-${parentId ?? 'new'}-${subject}`}>
        {label}
      </label>
      <textarea
        id={`comment-${parentId ?? 'new'}-${subject}`}
        {...bindValue(body, setBody)}
        placeholder={parentId ? t('comments.replyPlaceholder') : t('comments.placeholder')}
        maxLength={10000}
        ref={textareaRef}
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
