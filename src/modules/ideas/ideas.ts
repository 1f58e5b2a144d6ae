import { and, arrayContains, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { ideas } from '../../db/schema/ideas.js';
import type { Actor } from '../../http/auth.js';
import { AppError, badRequest, conflict } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { recordActivity } from '../community/activity.js';
import { notify } from '../notifications/service.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { assertCanSubmit, submissionOpen, viewChallenge, viewIdea, type Idea } from './access.js';
import { presentIdeas } from './present.js';
import { rankChallenge } from './ranking.js';
import type { SubmitIdeaRequest, UpdateIdeaRequest } from './schemas.js';

const uniqueTags = (tags: string[]) => [...new Set(tags)];

/**
 * Submits an idea to a challenge, in a phase that accepts ideas (hosts may seed ideas in any phase but closed).
 * @example const id = await submitIdea(ctx, actor, 'chl_…', { title: 'Bike lanes', body: '…', tags: ['mobility'] })
 */
export async function submitIdea(ctx: AppContext, actor: Actor, challengeId: string, input: SubmitIdeaRequest): Promise<string> {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  const now = ctx.clock.now();
  assertCanSubmit(challenge, now, isHost);
  const id = newId('ide');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(ideas).values({
      id,
      challengeId: challenge.id,
      projectId: challenge.projectId,
      authorId: actor.userId,
      title: input.title,
      body: input.body,
      tags: uniqueTags(input.tags),
      createdAt: now,
      updatedAt: now,
    });
    if (challenge.status === 'published') {
      await recordActivity(tx, { projectId: challenge.projectId, kind: 'idea', actorId: actor.userId, subject: `idea:${id}`, data: { title: input.title, challengeId: challenge.id } });
    }
  });
  return id;
}

/**
 * Changes an idea: its text and tags (its author, while ideas are accepted; or a host), or its stage-gate
 * status with a note to the author (hosts). The author is told of a new status.
 * @example await updateIdea(ctx, host, 'ide_…', { status: 'shortlisted', note: 'Great, costed next month' })
 */
export async function updateIdea(ctx: AppContext, actor: Actor, id: string, patch: UpdateIdeaRequest, from?: AuditFrom): Promise<void> {
  const { idea, challenge, isHost } = await viewIdea(ctx.db, id, actor);
  const now = ctx.clock.now();
  const changesStatus = patch.status !== undefined || patch.note !== undefined;
  const changesText = patch.title !== undefined || patch.body !== undefined || patch.tags !== undefined;
  // Why: the stage-gate decision is the hosts' to make.
  if (changesStatus && !isHost) throw new AppError(403, 'forbidden', 'Only the hosts of this project can set the status of an idea.', { field: 'body.status' });
  if (changesText) {
    // Why: an idea's words are its author's; hosts may correct them (moderation).
    if (!isHost && idea.authorId !== actor.userId) throw new AppError(403, 'forbidden', 'Only the author of this idea can edit it.');
    if (!isHost && !submissionOpen(challenge, now, false)) {
      throw conflict('challenge_phase_closed', 'Ideas can be edited only while the challenge accepts ideas.', { phase: 'closed_for_edits', action: 'edit' });
    }
  }
  if (idea.mergedIntoId) throw conflict('idea_merged', 'This idea was merged into another one: change that one instead.', { mergedIntoId: idea.mergedIntoId });
  await ctx.db.transaction(async (tx) => {
    const statusChanged = patch.status !== undefined && patch.status !== idea.status;
    await tx
      .update(ideas)
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.tags !== undefined ? { tags: uniqueTags(patch.tags) } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        // A new status without a note clears the note of the previous one.
        ...(patch.note !== undefined ? { statusNote: patch.note || null } : statusChanged ? { statusNote: null } : {}),
        ...(changesStatus ? { statusChangedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(ideas.id, idea.id));
    if (changesStatus && idea.authorId !== actor.userId) {
      await notify(tx, {
        userIds: [idea.authorId],
        kind: 'idea_status_changed',
        subject: `idea:${idea.id}`,
        data: { title: patch.title ?? idea.title, status: patch.status ?? idea.status, note: patch.note ?? null, challengeId: challenge.id, link: `/ideas/${idea.id}` },
      });
    }
    // A host's stage-gate decision, and a host's edit of someone else's words, are on the record.
    if (isHost && (changesStatus || idea.authorId !== actor.userId)) {
      const fields = (['title', 'body', 'tags', 'status', 'note'] as const).filter((k) => patch[k] !== undefined);
      await recordAudit(tx, {
        action: changesStatus ? 'idea.status_change' : 'idea.update',
        targetType: 'idea',
        targetId: idea.id,
        projectId: idea.projectId,
        summary: changesStatus
          ? `Set idea ${quote(patch.title ?? idea.title)} to ${patch.status ?? idea.status}${statusChanged ? ` (was ${idea.status})` : ''}${patch.note ? `: ${quote(patch.note)}` : ''}`
          : `Edited idea ${quote(patch.title ?? idea.title)} of ${idea.authorId}: ${fields.join(', ')}`,
        data: { challengeId: challenge.id, authorId: idea.authorId, fields, ...(changesStatus ? { from: idea.status, to: patch.status ?? idea.status, note: patch.note ?? null } : {}) },
        at: now,
      }, from ?? actor);
    }
  });
}

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

const invalidCursor = () => badRequest('invalid_cursor', 'This cursor is not valid: start again without it.', { field: 'querystring.cursor' });

/**
 * A challenge's ideas (merged duplicates left out): `top` by net votes, `new` newest first, or `ranked` by the
 * Bradley–Terry fit of the pairwise comparisons, best first, each with its score and interval.
 * @example await listIdeas(ctx, actor, 'chl_…', { sort: 'ranked', limit: 20 })
 */
export async function listIdeas(ctx: AppContext, actor: Actor | null, challengeId: string, q: IdeasQuery) {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  const pos = decodeCursor(q.cursor);
  if (q.cursor && !pos) throw invalidCursor();
  const filters = and(
    eq(ideas.challengeId, challenge.id),
    isNull(ideas.mergedIntoId),
    q.status ? eq(ideas.status, q.status) : undefined,
    q.tag ? arrayContains(ideas.tags, [q.tag]) : undefined,
  );

  if (q.sort === 'ranked') {
    // Why: a host may keep the pairwise ranking to themselves until the review (rule publicRanking).
    if (!isHost && !challenge.publicRanking) throw new AppError(403, 'ranking_private', 'The hosts of this challenge keep its ranking private.', { field: 'querystring.sort' });
    const ranking = await rankChallenge(ctx.db, challenge.id);
    let order = ranking.order;
    if (q.status || q.tag) {
      const kept = new Set((await ctx.db.select({ id: ideas.id }).from(ideas).where(filters)).map((r) => r.id));
      order = order.filter((id) => kept.has(id));
    }
    const offset = pos ? Number(pos.v) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
    const pageIds = order.slice(offset, offset + q.limit);
    const rows = pageIds.length ? await ctx.db.select().from(ideas).where(inArray(ideas.id, pageIds)) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const intervals = ranking.intervals(pageIds);
    const ranks = new Map(pageIds.map((id) => [id, { ...ranking.byId.get(id)!, interval: intervals.get(id) ?? ([0, 1] as [number, number]) }]));
    const items = await presentIdeas(ctx.db, pageIds.map((id) => byId.get(id)!).filter(Boolean), actor, isHost, ranks);
    const nextCursor = offset + q.limit < order.length ? encodeCursor({ v: offset + q.limit, id: pageIds[pageIds.length - 1] ?? '' }) : null;
    return { items, nextCursor };
  }

  if (q.sort === 'new') {
    if (pos && Number.isNaN(new Date(String(pos.v)).getTime())) throw invalidCursor();
    const rows = await ctx.db
      .select()
      .from(ideas)
      .where(
        and(
          filters,
          pos ? or(lt(ideas.createdAt, new Date(String(pos.v))), and(eq(ideas.createdAt, new Date(String(pos.v))), lt(ideas.id, pos.id))) : undefined,
        ),
      )
      .orderBy(desc(ideas.createdAt), desc(ideas.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: await presentIdeas(ctx.db, page, actor, isHost),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  // top: net votes, then newest.
  if (pos && !Number.isInteger(pos.v)) throw invalidCursor();
  // Qualified by hand: Drizzle leaves columns of a one-table select unqualified, which a subquery would misread.
  const net = sql<number>`coalesce((select sum(v.value)::int from idea_votes v where v.idea_id = "ideas"."id"), 0)`;
  const rows = await ctx.db
    .select({ idea: ideas, net })
    .from(ideas)
    .where(and(filters, pos ? or(lt(net, Number(pos.v)), and(eq(net, Number(pos.v)), lt(ideas.id, pos.id))) : undefined))
    .orderBy(desc(net), desc(ideas.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentIdeas(ctx.db, page.map((r) => r.idea), actor, isHost),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.net, id: last.idea.id }) : null,
  };
}
