import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind, conflict, invalid } from '../../lib/errors.js';
import { pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { personById } from '../accounts/people.js';
import { notify } from '../notifications/service.js';
import { recordActivity } from './activity.js';
import {
  type CommentRow,
  countCommentsOn,
  incrementRepliesCount,
  insertComment,
  selectComment,
  selectReplies,
  selectRootComments,
} from './comment-queries.js';
import { resolveSubject, type Subject } from './subjects.js';
import { excerptOf, storedMarkdown, writtenAt } from './text.js';
import { decodeTimeCursor } from './time-cursor.js';

/** Replies nest at most this deep (a top comment is depth 0). */
export const MAX_DEPTH = 8;
/** A thread shows at most this many replies; `moreReplies` says when it has more. */
export const REPLIES_PER_THREAD = 200;

export interface CommentView {
  id: string;
  subject: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  /** Null when hidden by moderation (except for operators). */
  author: { id: string; name: string } | null;
  body: string | null;
  bodyHtml: string | null;
  hidden: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface ThreadView extends CommentView {
  replyCount: number;
  moreReplies: boolean;
  /** Every reply of the thread in reading order (depth first, oldest sibling first); nest them by `parentId`/`depth`. */
  replies: CommentView[];
}

/**
 * A comment as a viewer may see it: a comment hidden by moderation keeps its place in the thread with no
 * author and no body, except for operators, who see everything (and that it is hidden).
 * @example presentComment(row, actor)
 */
function presentComment(r: CommentRow, actor: Actor | null): CommentView {
  // Why: a hidden comment is hidden from everyone but the operators who moderate it.
  const reveal = !r.hidden || actor?.role === 'operator';
  return {
    id: r.id,
    subject: `${r.subject_type}:${r.subject_id}`,
    parentId: r.parent_id,
    rootId: r.root_id,
    depth: Number(r.depth),
    author: reveal ? { id: r.author_id, name: r.author_name } : null,
    body: reveal ? r.body : null,
    bodyHtml: reveal ? r.body_html : null,
    hidden: Boolean(r.hidden),
    ...writtenAt(r),
  };
}

/** Orders a thread's replies depth first, siblings oldest first. */
function readingOrder(rootId: string, replies: CommentRow[]): CommentRow[] {
  const children = new Map<string, CommentRow[]>();
  for (const r of replies) {
    const list = children.get(r.parent_id!) ?? [];
    list.push(r);
    children.set(r.parent_id!, list);
  }
  const out: CommentRow[] = [];
  const visit = (id: string) => {
    for (const child of children.get(id) ?? []) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(rootId);
  return out;
}

export interface ListCommentsQuery {
  subject: string;
  sort: 'new' | 'old';
  limit: number;
  cursor?: string;
}

/**
 * A subject's threads, a page of top comments at a time (newest or oldest first), each with its replies.
 * @example await listComments(ctx, actor, { subject: 'project:prj_1', sort: 'new', limit: 20 })
 */
export async function listComments(ctx: AppContext, actor: Actor | null, q: ListCommentsQuery) {
  const subject = await resolveSubject(ctx.db, q.subject, actor);
  const pos = decodeTimeCursor(q.cursor);
  const roots = await selectRootComments(ctx.db, {
    subjectType: subject.type,
    subjectId: subject.id,
    order: q.sort === 'new' ? 'desc' : 'asc',
    after: pos,
    limit: q.limit + 1,
  });
  const page = pageOf(roots, q.limit, (r) => ({ v: r.created_key, id: r.id }));
  const replies = await selectReplies(
    ctx.db,
    page.items.map((r) => r.id),
    REPLIES_PER_THREAD,
  );
  const total = await countCommentsOn(ctx.db, subject.type, subject.id);
  const items: ThreadView[] = page.items.map((root) => {
    const mine = replies.filter((r) => r.root_id === root.id);
    return {
      ...presentComment(root, actor),
      replyCount: Number(root.replies_count),
      moreReplies: Number(root.replies_count) > mine.length,
      replies: readingOrder(root.id, mine).map((r) => presentComment(r, actor)),
    };
  });
  return { subject: `${subject.type}:${subject.id}`, total, items, nextCursor: page.nextCursor };
}

/**
 * One comment (for links from notifications), if its subject is visible to the caller.
 * @example await getComment(ctx, actor, 'cmt_1')
 */
export async function getComment(ctx: AppContext, actor: Actor | null, id: string): Promise<CommentView> {
  const row = await selectComment(ctx.db, id);
  if (!row) throw new DomainError('comment_not_found', 'No comment with this id.');
  await resolveSubject(ctx.db, `${row.subject_type}:${row.subject_id}`, actor).catch((e) => {
    throw isKind(e, 'not_found') ? new DomainError('comment_not_found', 'No comment with this id.') : e;
  });
  return presentComment(row, actor);
}

export interface CreateCommentInput {
  body: string;
  parentId?: string;
}

/**
 * Comments on a subject, or replies to a comment of the same subject. Tells the parent comment's author
 * (`comment_reply`) and, for a comment on a project, its owner (`project_comment`); adds it to the project's feed.
 * @example await createComment(ctx, actor, 'project:prj_1', { body: 'Great idea!' })
 */
export async function createComment(ctx: AppContext, actor: Actor, subjectRef: string, input: CreateCommentInput): Promise<ThreadView> {
  const subject = await resolveSubject(ctx.db, subjectRef, actor);
  const parent = input.parentId ? await selectComment(ctx.db, input.parentId) : undefined;
  if (input.parentId) {
    if (!parent || parent.subject_type !== subject.type || parent.subject_id !== subject.id) {
      throw new DomainError('comment_not_found', 'No comment with this id under this subject.', { field: 'body.parentId' });
    }
    if (parent.hidden)
      throw conflict('comment_hidden', 'This comment was hidden by moderation: it cannot be answered.', { field: 'body.parentId' });
    if (parent.depth + 1 > MAX_DEPTH)
      throw invalid('thread_too_deep', `Replies nest at most ${MAX_DEPTH} deep: answer higher up the thread.`, { field: 'body.parentId' });
  }
  const id = newId('cmt');
  const author = await personById(ctx.db, actor.userId);
  await ctx.db.transaction(async (tx) => {
    await insertComment(tx, {
      id,
      subjectType: subject.type,
      subjectId: subject.id,
      projectId: subject.projectId,
      rootId: parent?.root_id ?? id,
      parentId: parent?.id ?? null,
      depth: parent ? Number(parent.depth) + 1 : 0,
      authorId: actor.userId,
      ...storedMarkdown(input.body),
      createdAt: ctx.clock.now(),
    });
    if (parent) await incrementRepliesCount(tx, parent.root_id);
    await tellAboutComment(tx, { id, subject, parent, authorId: actor.userId, authorName: author?.name ?? '', body: input.body });
  });
  const row = (await selectComment(ctx.db, id))!;
  return { ...presentComment(row, actor), replyCount: 0, moreReplies: false, replies: [] };
}

async function tellAboutComment(
  tx: Executor,
  c: { id: string; subject: Subject; parent?: CommentRow; authorId: string; authorName: string; body: string },
) {
  const subjectRef = `${c.subject.type}:${c.subject.id}`;
  const excerpt = excerptOf(c.body);
  const data = {
    commentId: c.id,
    subject: subjectRef,
    projectId: c.subject.projectId,
    projectTitle: c.subject.projectTitle,
    authorId: c.authorId,
    authorName: c.authorName,
    excerpt,
  };
  const told = new Set([c.authorId]);
  if (c.parent && !told.has(c.parent.author_id)) {
    await notify(tx, {
      userIds: [c.parent.author_id],
      kind: 'comment_reply',
      subject: `comment:${c.id}`,
      data: { ...data, parentId: c.parent.id },
    });
    told.add(c.parent.author_id);
  }
  if (c.subject.type === 'project' && c.subject.projectOwnerId && !told.has(c.subject.projectOwnerId)) {
    await notify(tx, { userIds: [c.subject.projectOwnerId], kind: 'project_comment', subject: `comment:${c.id}`, data });
  }
  if (c.subject.projectId) {
    await recordActivity(tx, {
      projectId: c.subject.projectId,
      kind: 'comment',
      actorId: c.authorId,
      subject: `comment:${c.id}`,
      data: { on: subjectRef, excerpt, reply: Boolean(c.parent) },
    });
  }
}
