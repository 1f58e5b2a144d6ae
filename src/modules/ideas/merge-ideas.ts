import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid, isKind, notFound } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { hostChallenge } from './access.js';
import { lockIdeas, selectIdea, updateIdeaRow } from './idea-queries.js';
import {
  countComparisonsOf,
  deleteComparisonsBetween,
  deleteRepeatedJudgements,
  deleteVotesOnBoth,
  markMerged,
  moveComparisons,
  moveVotes,
} from './merge-queries.js';
import { presentIdeas } from './present.js';

export const ZMergeRequest = z.object({ intoId: z.string().min(1).max(100) });

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
  const dupRow = await selectIdea(ctx.db, duplicateId);
  if (!dupRow) throw notFound('idea');
  const { isHost } = await hostChallenge(ctx.db, dupRow.challengeId, actor).catch((e) => {
    throw isKind(e, 'not_found') ? notFound('idea') : e;
  });
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    // Lock both rows in a fixed order so two merges cannot deadlock.
    const locked = await lockIdeas(tx, [duplicateId, intoId]);
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
    const votesDropped = await deleteVotesOnBoth(tx, dup.id, into.id);
    const votesMoved = await moveVotes(tx, dup.id, into.id);

    // Comparisons: drop those between the two ideas, move the others, then keep each person's first judgement of a pair.
    const between = await deleteComparisonsBetween(tx, dup.id, into.id);
    const involved = await countComparisonsOf(tx, dup.id);
    await moveComparisons(tx, dup.id, into.id);
    const repeated = await deleteRepeatedJudgements(tx, dup.challengeId, into.id);

    await markMerged(tx, dup.id, into.id, now);
    const tags = [...new Set([...into.tags, ...dup.tags])].slice(0, 10);
    const kept = await updateIdeaRow(tx, into.id, { tags, updatedAt: now });
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
    return { kept, merged };
  });
  return { idea: (await presentIdeas(ctx.db, [result.kept], actor, isHost))[0]!, merged: result.merged };
}
