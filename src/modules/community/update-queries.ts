// Statements on project updates (project_updates).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { pick, selectRowsOfPerson } from '../../db/select.js';
import { projectUpdates } from '../../db/schema/community.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { personNameSql } from '../accounts/people-sql.js';
import { afterSql, timeKeySql } from './page-sql.js';

export interface UpdateRow {
  id: string;
  project_id: string;
  title: string;
  body: string;
  body_html: string;
  author_id: string;
  author_name: string;
  comments: number;
  created_key: string;
  edited_key: string | null;
}

const SELECT = sql`SELECT pu.id, pu.project_id, pu.title, pu.body, pu.body_html, pu.author_id, ${personNameSql(sql`pu.author_id`)} AS author_name,
    (SELECT count(*)::int FROM comments c WHERE c.subject_type = 'update' AND c.subject_id = pu.id) AS comments,
    ${timeKeySql('pu.created_at')} AS created_key,
    ${timeKeySql('pu.edited_at')} AS edited_key
  FROM project_updates pu`;

export async function selectUpdate(db: Executor, id: string): Promise<UpdateRow | undefined> {
  return rowsOf<UpdateRow>(await db.execute(sql`${SELECT} WHERE pu.id = ${id}`))[0];
}

/** A page of a project's updates, newest first. */
export async function selectUpdatesOfProject(
  db: Executor,
  q: { projectId: string; after: CursorPosition | null; limit: number },
): Promise<UpdateRow[]> {
  return rowsOf<UpdateRow>(
    await db.execute(
      sql`${SELECT} WHERE pu.project_id = ${q.projectId} AND ${afterSql('pu.created_at', 'pu.id', q.after, 'desc')} ORDER BY pu.created_at DESC, pu.id DESC LIMIT ${q.limit}`,
    ),
  );
}

export async function insertUpdate(db: Executor, row: typeof projectUpdates.$inferInsert): Promise<void> {
  await db.insert(projectUpdates).values(row);
}

export async function updateUpdateText(
  db: Executor,
  id: string,
  patch: { title?: string; body?: string; bodyHtml?: string; editedAt: Date },
): Promise<void> {
  await db.update(projectUpdates).set(patch).where(eq(projectUpdates.id, id));
}

/** A person's updates, for their personal-data export. */
export function selectUpdatesBy(db: Executor, userId: string) {
  const columns = ['id', 'projectId', 'title', 'body', 'createdAt', 'editedAt'] as const;
  return selectRowsOfPerson(db, projectUpdates, projectUpdates.authorId, userId, pick(projectUpdates, columns));
}
