import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';

export const SORTS = ['new', 'popular', 'relevance'] as const;
export type ProjectSort = (typeof SORTS)[number];

/** A project as lists show it (explore, an organization's page, my projects). */
export interface ProjectCard {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  coverImageUrl: string | null;
  followers: number;
  hidden: boolean;
  createdAt: string;
  owner: { id: string; name: string };
  org: { id: string; slug: string; name: string } | null;
}

export interface ExploreQuery {
  q?: string;
  category?: string;
  sort?: ProjectSort;
  orgId?: string;
  ownerId?: string;
  limit: number;
  cursor?: string;
}

interface CardRow {
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

const CARD_COLUMNS = sql.raw(`p.id, p.slug, p.title, p.summary, p.category, p.cover_image_url, p.followers_count, p.hidden,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, p.created_at,
  u.id AS owner_id, u.name AS owner_name, o.id AS org_id, o.slug AS org_slug, o.name AS org_name`);
const CARD_FROM = sql.raw('projects p JOIN users u ON u.id = p.owner_id LEFT JOIN orgs o ON o.id = p.org_id');

function toCard(r: CardRow): ProjectCard {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    category: r.category,
    coverImageUrl: r.cover_image_url,
    followers: Number(r.followers_count),
    hidden: Boolean(r.hidden),
    createdAt: new Date(r.created_key).toISOString(),
    owner: { id: r.owner_id, name: r.owner_name },
    org: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name! } : null,
  };
}

/** The tsquery for a search box: English, French, and English on the accent-folded words, OR'ed. */
function searchQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', foule_fold(${q})))`;
}

const invalidCursor = () =>
  invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });

/**
 * Explore: visible projects, optionally searched (English and French stemming, accents ignored) and filtered,
 * newest, most followed or most relevant first, a page at a time.
 * @example await exploreProjects(db, { q: 'vélos', sort: 'relevance', limit: 20 }) // { items, nextCursor }
 */
export async function exploreProjects(db: Executor, query: ExploreQuery): Promise<{ items: ProjectCard[]; nextCursor: string | null }> {
  const q = query.q?.trim() || undefined;
  const sort: ProjectSort = query.sort ?? (q ? 'relevance' : 'new');
  if (sort === 'relevance' && !q)
    throw invalid('search_required', 'Sorting by relevance needs a search: add q.', { field: 'querystring.sort' });
  const pos = decodeCursor(query.cursor);
  if (query.cursor && !pos) throw invalidCursor();

  // Why: a project hidden by moderation is never listed, not even to its hosts (they find it under /me/projects).
  const filters: SQL[] = [sql`NOT p.hidden`];
  if (q) filters.push(sql`p.search @@ ${searchQuery(q)}`);
  if (query.category) filters.push(sql`p.category = ${query.category}`);
  if (query.orgId) filters.push(sql`p.org_id = ${query.orgId}`);
  if (query.ownerId) filters.push(sql`p.owner_id = ${query.ownerId}`);
  const rankColumn = q
    ? sql`, round(ts_rank(p.search, ${searchQuery(q)})::numeric, 9) AS rank, round(ts_rank(p.search, ${searchQuery(q)})::numeric, 9)::text AS rank_key`
    : sql``;
  const inner = sql`SELECT ${CARD_COLUMNS}${rankColumn} FROM ${CARD_FROM} WHERE ${sql.join(filters, sql` AND `)}`;

  let after = sql`TRUE`;
  let order: SQL;
  if (sort === 'new') {
    if (pos && (typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) throw invalidCursor();
    if (pos) after = sql`(s.created_at < ${pos.v}::timestamptz OR (s.created_at = ${pos.v}::timestamptz AND s.id < ${pos.id}))`;
    order = sql`s.created_at DESC, s.id DESC`;
  } else if (sort === 'popular') {
    if (pos && (typeof pos.v !== 'number' || !Number.isInteger(pos.v))) throw invalidCursor();
    if (pos) after = sql`(s.followers_count < ${pos.v} OR (s.followers_count = ${pos.v} AND s.id < ${pos.id}))`;
    order = sql`s.followers_count DESC, s.id DESC`;
  } else {
    if (pos && (typeof pos.v !== 'string' || !/^\d{1,6}(\.\d{1,12})?$/.test(pos.v))) throw invalidCursor();
    if (pos) after = sql`(s.rank < ${pos.v}::numeric OR (s.rank = ${pos.v}::numeric AND s.id < ${pos.id}))`;
    order = sql`s.rank DESC, s.id DESC`;
  }
  const result = await db.execute(sql`SELECT * FROM (${inner}) s WHERE ${after} ORDER BY ${order} LIMIT ${query.limit + 1}`);
  const rows = (result as unknown as { rows: CardRow[] }).rows;
  const page = pageOf(rows, query.limit, (r) => ({
    v: sort === 'new' ? r.created_key : sort === 'popular' ? Number(r.followers_count) : String(r.rank_key),
    id: r.id,
  }));
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}

/**
 * The projects a person hosts (as owner, or as an owner or admin of its organization), hidden ones included, newest first.
 * @example await hostedProjects(db, userId, 20)
 */
export async function hostedProjects(db: Executor, userId: string, limit: number, cursor?: string) {
  const pos = decodeCursor(cursor);
  if (cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) throw invalidCursor();
  const after = pos
    ? sql`(p.created_at < ${pos.v}::timestamptz OR (p.created_at = ${pos.v}::timestamptz AND p.id < ${pos.id}))`
    : sql`TRUE`;
  const result = await db.execute(sql`SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
    WHERE (p.owner_id = ${userId} OR p.org_id IN (SELECT org_id FROM org_members WHERE user_id = ${userId} AND role IN ('owner', 'admin')))
      AND ${after}
    ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit + 1}`);
  const page = pageOf((result as unknown as { rows: CardRow[] }).rows, limit, (r) => ({ v: r.created_key, id: r.id }));
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}

/**
 * The visible projects a person follows, most recently followed first.
 * @example await followedProjects(db, userId, 20)
 */
export async function followedProjects(db: Executor, userId: string, limit: number, cursor?: string) {
  const pos = decodeCursor(cursor);
  if (cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) throw invalidCursor();
  const after = pos
    ? sql`(f.created_at < ${pos.v}::timestamptz OR (f.created_at = ${pos.v}::timestamptz AND p.id < ${pos.id}))`
    : sql`TRUE`;
  const result = await db.execute(sql`SELECT ${CARD_COLUMNS},
      to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS followed_key
    FROM project_follows f JOIN projects p ON p.id = f.project_id JOIN users u ON u.id = p.owner_id LEFT JOIN orgs o ON o.id = p.org_id
    WHERE f.user_id = ${userId} AND NOT p.hidden AND ${after}
    ORDER BY f.created_at DESC, p.id DESC LIMIT ${limit + 1}`);
  const rows = (result as unknown as { rows: (CardRow & { followed_key: string })[] }).rows;
  const page = pageOf(rows, limit, (r) => ({ v: r.followed_key, id: r.id }));
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}
