import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { ideas } from '../../db/schema/ideas.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind, conflict, invalid } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { hostChallenge, ideaNotFound } from './access.js';
import { presentIdeas } from './present.js';

export const ZMergeRequest = z.object({ intoId: z.string().min(1).max(100) });

const rowCount = (res: unknown) =>
  (res as { rowCount?: number | null; affectedRows?: number }).rowCount ?? (res as { affectedRows?: number }).affectedRows ?? 0;

async function countOf(tx: Executor, query: ReturnType<typeof sql>): Promise<number> {
  const res = await tx.execute(query);
  return Number((res as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
}

/**
 * Merges a duplicate idea into another of the same challenge (hosts). The duplicate's votes move to the other
 * idea, except the votes of people who had voted on both: they keep their vote on the kept idea (counted once,
 * and the duplicate's vote goes back to their budget). Its pairwise comparisons move too: a comparison between
 * the two ideas is dropped, and a person's second judgement of the same pair is dropped. Its tags are added, and
 * ideas merged into the duplicate before follow it. The duplicate's author is told.
 * @example await mergeIdea(ctx, host, 'ide_dup', 'ide_kept')
 */
export async function mergeIdea(ctx: AppContext, actor: Actor, duplicateId: string, intoId: string, from?: AuditFrom) {
  if (duplicateId === intoId) throw invalid('merge_into_self', 'An idea cannot be merged into itself.', { field: 'body.intoId' });
  const [dupRow] = await ctx.db.select().from(ideas).where(eq(ideas.id, duplicateId)).limit(1);
  if (!dupRow) throw ideaNotFound();
  const { isHost } = await hostChallenge(ctx.db, dupRow.challengeId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? ideaNotFound() : e;
  });
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    // Lock both rows in a fixed order so two merges cannot deadlock.
    const locked = await tx
      .select()
      .from(ideas)
      .where(inArray(ideas.id, [duplicateId, intoId]))
      .orderBy(ideas.id)
      .for('update');
    const dup = locked.find((r) => r.id === duplicateId)!;
    const into = locked.find((r) => r.id === intoId);
    if (!into || into.challengeId !== dup.challengeId) {
      throw new DomainError('idea_not_found', 'No idea with this id in the same challenge to merge into.', { field: 'body.intoId' });
    }
    if (dup.mergedIntoId)
      throw conflict('idea_merged', 'This idea was already merged into another one.', { mergedIntoId: dup.mergedIntoId });
    if (into.mergedIntoId) {
      throw conflict('idea_merged', 'The idea to merge into was itself merged into another one: merge into that one.', {
        field: 'body.intoId',
        mergedIntoId: into.mergedIntoId,
      });
    }

    // Votes: a person who voted on both keeps one vote, on the kept idea.
    const votesDropped = rowCount(
      await tx.execute(sql`DELETE FROM idea_votes d WHERE d.idea_id = ${dup.id}
        AND EXISTS (SELECT 1 FROM idea_votes k WHERE k.idea_id = ${into.id} AND k.user_id = d.user_id)`),
    );
    const votesMoved = rowCount(await tx.execute(sql`UPDATE idea_votes SET idea_id = ${into.id} WHERE idea_id = ${dup.id}`));

    // Comparisons: drop those between the two ideas, move the others, then keep each person's first judgement of a pair.
    const between = rowCount(
      await tx.execute(
        sql`DELETE FROM idea_comparisons WHERE (winner_id = ${dup.id} AND loser_id = ${into.id}) OR (winner_id = ${into.id} AND loser_id = ${dup.id})`,
      ),
    );
    const involved = await countOf(
      tx,
      sql`SELECT count(*)::int AS n FROM idea_comparisons WHERE winner_id = ${dup.id} OR loser_id = ${dup.id}`,
    );
    await tx.execute(sql`UPDATE idea_comparisons SET winner_id = ${into.id} WHERE winner_id = ${dup.id}`);
    await tx.execute(sql`UPDATE idea_comparisons SET loser_id = ${into.id} WHERE loser_id = ${dup.id}`);
    const repeated = rowCount(
      await tx.execute(sql`DELETE FROM idea_comparisons c USING idea_comparisons e
        WHERE c.challenge_id = ${dup.challengeId} AND e.challenge_id = ${dup.challengeId}
          AND (c.winner_id = ${into.id} OR c.loser_id = ${into.id})
          AND c.voter_id = e.voter_id AND c.id <> e.id
          AND least(c.winner_id, c.loser_id) = least(e.winner_id, e.loser_id)
          AND greatest(c.winner_id, c.loser_id) = greatest(e.winner_id, e.loser_id)
          AND (e.created_at, e.id) < (c.created_at, c.id)`),
    );

    await tx.update(ideas).set({ mergedIntoId: into.id }).where(eq(ideas.mergedIntoId, dup.id));
    await tx.update(ideas).set({ mergedIntoId: into.id, mergedAt: now, updatedAt: now }).where(eq(ideas.id, dup.id));
    const tags = [...new Set([...into.tags, ...dup.tags])].slice(0, 10);
    const [kept] = await tx.update(ideas).set({ tags, updatedAt: now }).where(eq(ideas.id, into.id)).returning();
    if (dup.authorId !== actor.userId) {
      await notify(tx, {
        userIds: [dup.authorId],
        kind: 'idea_merged',
        subject: `idea:${dup.id}`,
        data: { title: dup.title, intoId: into.id, intoTitle: into.title, challengeId: dup.challengeId, link: `/ideas/${into.id}` },
      });
    }
    const merged = { id: dup.id, votesMoved, votesDropped, comparisonsMoved: involved - repeated, comparisonsDropped: between + repeated };
    await recordAudit(
      tx,
      {
        action: 'idea.merge',
        targetType: 'idea',
        targetId: dup.id,
        projectId: dup.projectId,
        summary: `Merged idea ${quote(dup.title)} into ${quote(into.title)} (${votesMoved} votes moved, ${votesDropped} dropped)`,
        data: { intoId: into.id, challengeId: dup.challengeId, authorId: dup.authorId, ...merged },
        at: now,
      },
      from ?? actor,
    );
    return { kept: kept!, merged };
  });
  return { idea: (await presentIdeas(ctx.db, [result.kept], actor, isHost))[0]!, merged: result.merged };
}
