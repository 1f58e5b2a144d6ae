import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, invalid } from '../../lib/errors.js';
import { decodeCursor, encodeCursor, pageOf } from '../../lib/cursor.js';
import { viewChallenge, viewIdea, type Idea } from './access.js';
import { selectIdeaIdsMatching, selectIdeas, selectNewestIdeas, selectTopIdeas, type IdeaFilter } from './idea-queries.js';
import { presentIdeas } from './present.js';
import { rankChallenge } from './ranking.js';

/**
 * One idea (a merged one too, with `mergedIntoId`).
 * @example const idea = await getIdea(ctx, actor, 'ide_…')
 */
export async function getIdea(ctx: AppContext, actor: Actor | null, id: string) {
  const { idea, isHost } = await viewIdea(ctx.db, id, actor);
  return (await presentIdeas(ctx.db, [idea], actor, isHost))[0]!;
}

export interface IdeasQuery {
  sort: 'top' | 'new' | 'ranked';
  status?: Idea['status'];
  tag?: string;
  limit: number;
  cursor?: string;
}

const invalidCursor = () => invalid('invalid_cursor', 'This cursor is not valid: start again without it.', { field: 'querystring.cursor' });

/**
 * A challenge's ideas (merged duplicates left out): `top` by net votes, `new` newest first, or `ranked` by the
 * Bradley–Terry fit of the pairwise comparisons, best first, each with its score and interval.
 * @example await listIdeas(ctx, actor, 'chl_…', { sort: 'ranked', limit: 20 })
 */
export async function listIdeas(ctx: AppContext, actor: Actor | null, challengeId: string, q: IdeasQuery) {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  const pos = decodeCursor(q.cursor);
  if (q.cursor && !pos) throw invalidCursor();
  const filter: IdeaFilter = { challengeId: challenge.id, status: q.status, tag: q.tag };

  if (q.sort === 'ranked') {
    // Why: a host may keep the pairwise ranking to themselves until the review (rule publicRanking).
    if (!isHost && !challenge.publicRanking)
      throw new DomainError('ranking_private', 'The hosts of this challenge keep its ranking private.', { field: 'querystring.sort' });
    const ranking = await rankChallenge(ctx.db, challenge.id);
    let order = ranking.order;
    if (q.status || q.tag) {
      const kept = new Set(await selectIdeaIdsMatching(ctx.db, filter));
      order = order.filter((id) => kept.has(id));
    }
    const offset = pos ? Number(pos.v) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
    const pageIds = order.slice(offset, offset + q.limit);
    const rows = await selectIdeas(ctx.db, pageIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const intervals = ranking.intervals(pageIds);
    const ranks = new Map(
      pageIds.map((id) => [id, { ...ranking.byId.get(id)!, interval: intervals.get(id) ?? ([0, 1] as [number, number]) }]),
    );
    const items = await presentIdeas(ctx.db, pageIds.map((id) => byId.get(id)!).filter(Boolean), actor, isHost, ranks);
    const nextCursor =
      offset + q.limit < order.length ? encodeCursor({ v: offset + q.limit, id: pageIds[pageIds.length - 1] ?? '' }) : null;
    return { items, nextCursor };
  }

  if (q.sort === 'new') {
    if (pos && Number.isNaN(new Date(String(pos.v)).getTime())) throw invalidCursor();
    const rows = await selectNewestIdeas(ctx.db, filter, pos && { v: new Date(String(pos.v)), id: pos.id }, q.limit);
    const { items, nextCursor } = pageOf(rows, q.limit, (i) => ({ v: i.createdAt.toISOString(), id: i.id }));
    return { items: await presentIdeas(ctx.db, items, actor, isHost), nextCursor };
  }

  // top: net votes, then newest.
  if (pos && !Number.isInteger(pos.v)) throw invalidCursor();
  const rows = await selectTopIdeas(ctx.db, filter, pos && { v: Number(pos.v), id: pos.id }, q.limit);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ v: r.net, id: r.idea.id }));
  return {
    items: await presentIdeas(
      ctx.db,
      items.map((r) => r.idea),
      actor,
      isHost,
    ),
    nextCursor,
  };
}
