// The statements behind project lists (explore, an organization's page, my projects): one statement a page. Explore is a measured hot path: the owner and organization are joined laterally through their
// modules' fragments, which the planner turns back into the plain joins.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { personRowSql } from '../accounts/people-sql.js';
import { managedOrgIdsSql, orgRowSql } from '../orgs/org-sql.js';
import { followsOfSql } from './follows-sql.js';

/** A project card as the database answers it. */
export interface CardRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  cover_image_url: string | null;
  followers_count: number;
  hidden: boolean;
  created_key: string;
  owner_id: string;
  owner_name: string;
  org_id: string | null;
  org_slug: string | null;
  org_name: string | null;
  rank?: string | number | null;
  rank_key?: string | null;
}

/** A position in a list: the sort value and the id of the last card of the page before. */
export interface After {
  v: string | number;
  id: string;
}

export const CARD_COLUMNS = sql.raw(`p.id, p.slug, p.title, p.summary, p.category, p.cover_image_url, p.followers_count, p.hidden,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, p.created_at,
  u.id AS owner_id, u.name AS owner_name, o.id AS org_id, o.slug AS org_slug, o.name AS org_name`);
export const OWNER_AND_ORG = sql`JOIN LATERAL ${personRowSql(sql`p.owner_id`)} u ON TRUE LEFT JOIN LATERAL ${orgRowSql(sql`p.org_id`)} o ON TRUE`;

/** The tsquery for a search box: English, French, and English on the accent-folded words, OR'ed. */
function searchQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', foule_fold(${q})))`;
}

/**
 * Visible projects (never one hidden by moderation), searched and filtered, in `sort` order after `after`.
 * With `q`, each row has its `rank` and `rank_key` (the rank as text, for the cursor).
 */
export async function selectVisibleCards(
  db: Executor,
  f: { q?: string; category?: string; orgId?: string; ownerId?: string },
  sort: 'new' | 'popular' | 'relevance',
  after: After | null,
  limit: number,
): Promise<CardRow[]> {
  const filters: SQL[] = [sql`NOT p.hidden`];
  if (f.q) filters.push(sql`p.search @@ ${searchQuery(f.q)}`);
  if (f.category) filters.push(sql`p.category = ${f.category}`);
  if (f.orgId) filters.push(sql`p.org_id = ${f.orgId}`);
  if (f.ownerId) filters.push(sql`p.owner_id = ${f.ownerId}`);
  const rankColumn = f.q
    ? sql`, round(ts_rank(p.search, ${searchQuery(f.q)})::numeric, 9) AS rank, round(ts_rank(p.search, ${searchQuery(f.q)})::numeric, 9)::text AS rank_key`
    : sql``;
  const inner = sql`SELECT ${CARD_COLUMNS}${rankColumn} FROM projects p ${OWNER_AND_ORG} WHERE ${sql.join(filters, sql` AND `)}`;
  let where = sql`TRUE`;
  let order: SQL;
  if (sort === 'new') {
    if (after) where = sql`(s.created_at < ${after.v}::timestamptz OR (s.created_at = ${after.v}::timestamptz AND s.id < ${after.id}))`;
    order = sql`s.created_at DESC, s.id DESC`;
  } else if (sort === 'popular') {
    if (after) where = sql`(s.followers_count < ${after.v} OR (s.followers_count = ${after.v} AND s.id < ${after.id}))`;
    order = sql`s.followers_count DESC, s.id DESC`;
  } else {
    if (after) where = sql`(s.rank < ${after.v}::numeric OR (s.rank = ${after.v}::numeric AND s.id < ${after.id}))`;
    order = sql`s.rank DESC, s.id DESC`;
  }
  return rowsOf<CardRow>(await db.execute(sql`SELECT * FROM (${inner}) s WHERE ${where} ORDER BY ${order} LIMIT ${limit}`));
}

/** The projects a person owns or hosts as an owner or admin of its organization, hidden ones included, newest first. */
export async function selectHostedCards(db: Executor, userId: string, after: After | null, limit: number): Promise<CardRow[]> {
  const where = after
    ? sql`(p.created_at < ${after.v}::timestamptz OR (p.created_at = ${after.v}::timestamptz AND p.id < ${after.id}))`
    : sql`TRUE`;
  const result = await db.execute(sql`SELECT ${CARD_COLUMNS} FROM projects p ${OWNER_AND_ORG}
    WHERE (p.owner_id = ${userId} OR p.org_id IN (${managedOrgIdsSql(userId)}))
      AND ${where}
    ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}`);
  return rowsOf<CardRow>(result);
}

/** The visible projects a person follows, most recently followed first; `followed_key` is the follow's time. */
export async function selectFollowedCards(
  db: Executor,
  userId: string,
  after: After | null,
  limit: number,
): Promise<(CardRow & { followed_key: string })[]> {
  const where = after
    ? sql`(f.created_at < ${after.v}::timestamptz OR (f.created_at = ${after.v}::timestamptz AND p.id < ${after.id}))`
    : sql`TRUE`;
  const result = await db.execute(sql`SELECT ${CARD_COLUMNS},
      to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS followed_key
    FROM (${followsOfSql(userId)}) f JOIN projects p ON p.id = f.project_id ${OWNER_AND_ORG}
    WHERE NOT p.hidden AND ${where}
    ORDER BY f.created_at DESC, p.id DESC LIMIT ${limit}`);
  return rowsOf<CardRow & { followed_key: string }>(result);
}
