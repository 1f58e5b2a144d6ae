import type { Executor } from '../../db/client.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { invalid } from '../../lib/errors.js';
import { type After, type CardRow, selectFollowedCards, selectHostedCards, selectVisibleCards } from './card-queries.js';

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

const invalidCursor = () =>
  invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });

/** The position a cursor of a list by date holds (null for none); anything else is a 400. */
function dateCursor(cursor: string | undefined): After | null {
  const pos = decodeCursor(cursor);
  if (cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) throw invalidCursor();
  return pos;
}

/** Whether a cursor's sort value fits the order of the list. */
const CURSOR_FITS: Record<ProjectSort, (v: unknown) => boolean> = {
  new: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  popular: (v) => typeof v === 'number' && Number.isInteger(v),
  relevance: (v) => typeof v === 'string' && /^\d{1,6}(\.\d{1,12})?$/.test(v),
};

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
  if (pos && !CURSOR_FITS[sort](pos.v)) throw invalidCursor();
  // Why: a project hidden by moderation is never listed, not even to its hosts (they find it under /me/projects).
  const rows = await selectVisibleCards(
    db,
    { q, category: query.category, orgId: query.orgId, ownerId: query.ownerId },
    sort,
    pos,
    query.limit + 1,
  );
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
  const rows = await selectHostedCards(db, userId, dateCursor(cursor), limit + 1);
  const page = pageOf(rows, limit, (r) => ({ v: r.created_key, id: r.id }));
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}

/**
 * The visible projects a person follows, most recently followed first.
 * @example await followedProjects(db, userId, 20)
 */
export async function followedProjects(db: Executor, userId: string, limit: number, cursor?: string) {
  const rows = await selectFollowedCards(db, userId, dateCursor(cursor), limit + 1);
  const page = pageOf(rows, limit, (r) => ({ v: r.followed_key, id: r.id }));
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}
