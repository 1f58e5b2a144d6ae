// Statements on comments.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { comments } from '../../db/schema/community.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { personNameSql } from '../accounts/people-sql.js';
import { afterSql, timeKeySql } from './page-sql.js';

export interface CommentRow {
  id: string;
  subject_type: string;
  subject_id: string;
  root_id: string;
  parent_id: string | null;
  depth: number;
  author_id: string;
  author_name: string;
  body: string;
  body_html: string;
  hidden: boolean;
  replies_count: number;
  created_key: string;
  edited_key: string | null;
}

/** A comment's own columns; its author's name is added by each statement (after filtering, where it can). */
const OWN_COLUMNS = sql`c.id, c.subject_type, c.subject_id, c.root_id, c.parent_id, c.depth, c.author_id,
  c.body, c.body_html, c.hidden, c.replies_count,
  ${timeKeySql('c.created_at')} AS created_key,
  ${timeKeySql('c.edited_at')} AS edited_key`;
const COLUMNS = sql`${OWN_COLUMNS}, ${personNameSql(sql`c.author_id`)} AS author_name`;

export async function selectComment(db: Executor, id: string): Promise<CommentRow | undefined> {
  return rowsOf<CommentRow>(await db.execute(sql`SELECT ${COLUMNS} FROM comments c WHERE c.id = ${id}`))[0];
}

/** A page of a subject's top comments, newest (`desc`) or oldest first. */
export async function selectRootComments(
  db: Executor,
  q: { subjectType: string; subjectId: string; order: 'desc' | 'asc'; after: CursorPosition | null; limit: number },
): Promise<CommentRow[]> {
  const order = q.order === 'desc' ? sql`c.created_at DESC, c.id DESC` : sql`c.created_at ASC, c.id ASC`;
  return rowsOf<CommentRow>(
    await db.execute(sql`SELECT ${COLUMNS} FROM comments c
      WHERE c.subject_type = ${q.subjectType} AND c.subject_id = ${q.subjectId} AND c.parent_id IS NULL AND ${afterSql('c.created_at', 'c.id', q.after, q.order)}
      ORDER BY ${order} LIMIT ${q.limit}`),
  );
}

/** The first `perThread` replies of each thread, oldest first. */
export async function selectReplies(db: Executor, rootIds: string[], perThread: number): Promise<CommentRow[]> {
  if (!rootIds.length) return [];
  return rowsOf<CommentRow>(
    await db.execute(sql`SELECT r.*, ${personNameSql(sql`r.author_id`)} AS author_name FROM (
        SELECT ${OWN_COLUMNS}, row_number() OVER (PARTITION BY c.root_id ORDER BY c.created_at, c.id) AS n
        FROM comments c
        WHERE c.root_id IN (${sql.join(
          rootIds.map((id) => sql`${id}`),
          sql`, `,
        )}) AND c.parent_id IS NOT NULL
      ) r WHERE r.n <= ${perThread} ORDER BY r.created_key, r.id`),
  );
}

export async function countCommentsOn(db: Executor, subjectType: string, subjectId: string): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await db.execute(sql`SELECT count(*)::int AS total FROM comments WHERE subject_type = ${subjectType} AND subject_id = ${subjectId}`),
  );
  return Number(row!.total);
}

export async function insertComment(db: Executor, row: typeof comments.$inferInsert): Promise<void> {
  await db.insert(comments).values(row);
}

export async function incrementRepliesCount(db: Executor, rootId: string): Promise<void> {
  await db
    .update(comments)
    .set({ repliesCount: sql`${comments.repliesCount} + 1` })
    .where(eq(comments.id, rootId));
}

/** What moderation needs of a comment, its row locked until the transaction ends. */
export async function lockCommentForModeration(db: Executor, id: string) {
  const [c] = await db
    .select({
      authorId: comments.authorId,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      hidden: comments.hidden,
      projectId: comments.projectId,
    })
    .from(comments)
    .where(eq(comments.id, id))
    .for('update');
  return c;
}

export async function updateCommentHidden(db: Executor, id: string, hidden: boolean): Promise<void> {
  await db.update(comments).set({ hidden }).where(eq(comments.id, id));
}

export async function selectCommentProjectId(db: Executor, id: string): Promise<string | null> {
  const [c] = await db.select({ projectId: comments.projectId }).from(comments).where(eq(comments.id, id));
  return c?.projectId ?? null;
}

/** Comments as the operators' report queue shows them. */
export function selectReportedComments(db: Executor, ids: string[]) {
  return db
    .select({
      id: comments.id,
      body: comments.body,
      hidden: comments.hidden,
      authorId: comments.authorId,
      authorName: sql<string>`${personNameSql(comments.authorId)}`,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      projectId: comments.projectId,
    })
    .from(comments)
    .where(inArray(comments.id, ids));
}

/** A person's comments, for their personal-data export. */
export function selectCommentsBy(db: Executor, userId: string) {
  return db
    .select({
      id: comments.id,
      subject: sql<string>`${comments.subjectType} || ':' || ${comments.subjectId}`,
      projectId: comments.projectId,
      parentId: comments.parentId,
      body: comments.body,
      hidden: comments.hidden,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .where(eq(comments.authorId, userId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}
