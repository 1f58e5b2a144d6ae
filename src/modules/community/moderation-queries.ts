// Statements on moderation: reports from the crowd (moderation_reports) and what operators did (moderation_actions).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { selectRowsOfPerson } from '../../db/select.js';
import { moderationActions, moderationReports } from '../../db/schema/community.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { personNameSql } from '../accounts/people-sql.js';
import { projectSlugSql, projectTitleSql } from '../projects/project-label-sql.js';
import { projectHiddenSql, projectOwnerIdSql } from '../projects/project-sql.js';
import { timeKeySql } from './page-sql.js';

export type Report = typeof moderationReports.$inferSelect;
export type ModeratedType = Report['subjectType'];

/** Adds a report unless the person has an open one on the subject; answers it, or undefined when there was one. */
export async function insertReport(db: Executor, row: typeof moderationReports.$inferInsert): Promise<Report | undefined> {
  const [inserted] = await db.insert(moderationReports).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function selectOpenReportBy(
  db: Executor,
  type: ModeratedType,
  subjectId: string,
  reporterId: string,
): Promise<Report | undefined> {
  const [report] = await db
    .select()
    .from(moderationReports)
    .where(
      and(
        eq(moderationReports.subjectType, type),
        eq(moderationReports.subjectId, subjectId),
        eq(moderationReports.reporterId, reporterId),
        eq(moderationReports.status, 'open'),
      ),
    )
    .limit(1);
  return report;
}

export async function selectReport(db: Executor, id: string): Promise<Report | undefined> {
  const [report] = await db.select().from(moderationReports).where(eq(moderationReports.id, id)).limit(1);
  return report;
}

/** Reports by id, in the order of `ids`. */
export async function selectReports(db: Executor, ids: string[]): Promise<Report[]> {
  if (!ids.length) return [];
  const byId = new Map((await db.select().from(moderationReports).where(inArray(moderationReports.id, ids))).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** Resolves every open report on a subject. */
export async function resolveOpenReports(
  db: Executor,
  s: { type: ModeratedType; id: string; resolution: 'hidden' | 'dismissed'; operatorId: string; note: string | null; at: Date },
): Promise<void> {
  await db
    .update(moderationReports)
    .set({ status: 'resolved', resolution: s.resolution, resolvedBy: s.operatorId, resolvedAt: s.at, note: s.note })
    .where(and(eq(moderationReports.subjectType, s.type), eq(moderationReports.subjectId, s.id), eq(moderationReports.status, 'open')));
}

/** A page of report ids with their sort key: open ones oldest first, otherwise newest first. */
export async function selectReportPage(
  db: Executor,
  q: { status: 'open' | 'resolved' | 'all'; oldestFirst: boolean; after: CursorPosition | null; limit: number },
): Promise<{ id: string; created_key: string }[]> {
  const { after, oldestFirst } = q;
  const res = await db.execute(sql`SELECT id, ${timeKeySql('created_at')} AS created_key
    FROM moderation_reports
    WHERE ${q.status === 'all' ? sql`TRUE` : sql`status = ${q.status}`}
      AND ${!after ? sql`TRUE` : oldestFirst ? sql`(created_at, id) > (${after.v}::timestamptz, ${after.id})` : sql`(created_at, id) < (${after.v}::timestamptz, ${after.id})`}
    ORDER BY ${oldestFirst ? sql`created_at ASC, id ASC` : sql`created_at DESC, id DESC`} LIMIT ${q.limit}`);
  return rowsOf<{ id: string; created_key: string }>(res);
}

/** How many open reports each of these subjects has. */
export async function countOpenReports(db: Executor, subjectIds: string[]) {
  if (!subjectIds.length) return [];
  return rowsOf<{ subject_type: string; subject_id: string; n: number }>(
    await db.execute(sql`SELECT subject_type, subject_id, count(*)::int AS n FROM moderation_reports
      WHERE status = 'open' AND subject_id IN (${sql.join(
        [...new Set(subjectIds)].map((x) => sql`${x}`),
        sql`, `,
      )})
      GROUP BY subject_type, subject_id`),
  );
}

/** Reported projects as the operators' queue shows them (an unknown id is absent). */
export async function selectReportedProjects(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return rowsOf<{ id: string; title: string; slug: string; hidden: boolean; owner_id: string; owner_name: string }>(
    await db.execute(sql`SELECT p.id, p.title, p.slug, p.hidden, p.owner_id, ${personNameSql(sql`p.owner_id`)} AS owner_name
      FROM (SELECT r.id, ${projectTitleSql(sql`r.id`)} AS title, ${projectSlugSql(sql`r.id`)} AS slug, ${projectHiddenSql(sql`r.id`)} AS hidden,
              ${projectOwnerIdSql(sql`r.id`)} AS owner_id
            FROM unnest(ARRAY[${list}]::text[]) AS r(id)) p
      WHERE p.title IS NOT NULL`),
  );
}

export async function insertModerationAction(db: Executor, row: typeof moderationActions.$inferInsert): Promise<void> {
  await db.insert(moderationActions).values(row);
}

/** A person's reports, for their personal-data export. */
export function selectReportsBy(db: Executor, userId: string) {
  return selectRowsOfPerson(db, moderationReports, moderationReports.reporterId, userId, {
    id: moderationReports.id,
    subject: sql<string>`${moderationReports.subjectType} || ':' || ${moderationReports.subjectId}`,
    reason: moderationReports.reason,
    status: moderationReports.status,
    createdAt: moderationReports.createdAt,
  });
}
