import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertVotingOpen, viewChallenge } from './access.js';
import { countJudgementsOfPair, insertComparison } from './comparison-queries.js';
import { shareLockIdeas } from './idea-queries.js';
import { lockVoter } from './vote-queries.js';

export const ZComparisonRequest = z
  .object({
    winnerId: z.string().min(1).max(100).optional(),
    loserId: z.string().min(1).max(100).optional(),
    leftId: z.string().min(1).max(100).optional(),
    rightId: z.string().min(1).max(100).optional(),
    outcome: z.enum(['tie']).optional().describe("with leftId and rightId: can't decide"),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'tie') {
      if (!b.leftId) ctx.addIssue({ code: 'custom', path: ['leftId'], message: 'is required with outcome "tie"' });
      if (!b.rightId) ctx.addIssue({ code: 'custom', path: ['rightId'], message: 'is required with outcome "tie"' });
      if (b.leftId && b.leftId === b.rightId)
        ctx.addIssue({ code: 'custom', path: ['rightId'], message: 'must be another idea than leftId' });
      return;
    }
    if (!b.winnerId)
      ctx.addIssue({ code: 'custom', path: ['winnerId'], message: 'is required (or give leftId, rightId and outcome "tie")' });
    if (!b.loserId) ctx.addIssue({ code: 'custom', path: ['loserId'], message: 'is required (or give leftId, rightId and outcome "tie")' });
    if (b.winnerId && b.winnerId === b.loserId)
      ctx.addIssue({ code: 'custom', path: ['loserId'], message: 'must be another idea than winnerId' });
  });
export type ComparisonRequest = z.infer<typeof ZComparisonRequest>;

/**
 * Records a pairwise judgement: `{winnerId, loserId}`, or `{leftId, rightId, outcome: 'tie'}` for "can't decide".
 * In the voting phase only; both ideas live in this challenge; one judgement per person and pair.
 * @example await recordComparison(ctx, actor, 'chl_…', { winnerId: 'ide_a', loserId: 'ide_b' })
 */
export async function recordComparison(ctx: AppContext, actor: Actor, challengeId: string, body: ComparisonRequest) {
  const { challenge } = await viewChallenge(ctx.db, challengeId, actor);
  const now = ctx.clock.now();
  assertVotingOpen(challenge, now, 'compare');
  const tie = body.outcome === 'tie';
  const [first, second] = tie ? [body.leftId!, body.rightId!] : [body.winnerId!, body.loserId!];
  const fields = tie ? ['body.leftId', 'body.rightId'] : ['body.winnerId', 'body.loserId'];
  return ctx.db.transaction(async (tx) => {
    // Shared locks: a merge of either idea waits for this judgement, or this one sees the merge.
    const rows = await shareLockIdeas(tx, [first, second]);
    [first, second].forEach((id, k) => {
      const row = rows.find((r) => r.id === id);
      if (!row || row.challengeId !== challenge.id) {
        throw new DomainError('idea_not_found', 'No idea with this id in this challenge.', { field: fields[k] });
      }
      if (row.mergedIntoId)
        throw conflict('idea_merged', 'This idea was merged into another one: ask for a new pair.', {
          field: fields[k],
          mergedIntoId: row.mergedIntoId,
        });
      if (row.status === 'rejected')
        throw conflict('idea_rejected', 'This idea was rejected by the hosts: ask for a new pair.', { field: fields[k] });
    });
    await lockVoter(tx, challenge.id, actor.userId);
    if ((await countJudgementsOfPair(tx, actor.userId, first, second)) > 0)
      throw conflict('pair_already_compared', 'You have already compared these two ideas: ask for a new pair.');
    const id = newId('cmp');
    await insertComparison(tx, {
      id,
      challengeId: challenge.id,
      voterId: actor.userId,
      winnerId: first,
      loserId: second,
      tie,
      createdAt: now,
    });
    return {
      id,
      challengeId: challenge.id,
      winnerId: tie ? null : first,
      loserId: tie ? null : second,
      tie,
      ideaIds: [first, second] as [string, string],
      createdAt: now.toISOString(),
    };
  });
}
