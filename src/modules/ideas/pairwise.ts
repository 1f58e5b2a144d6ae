import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { pickPair } from '../../lib/ranking/index.js';
import { assertVotingOpen, viewChallenge } from './access.js';
import { countJudgementsOfPair, insertComparison, selectPairsJudgedBy } from './comparison-queries.js';
import { selectIdeas, shareLockIdeas } from './idea-queries.js';
import { presentIdeas } from './present.js';
import { rankChallenge } from './ranking.js';
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

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The next pair to show someone in pairwise voting: chosen adaptively from the current Bradley–Terry fit
 * (ideas with few comparisons and ideas of close strength are favoured, with some randomness), never a pair
 * this person already judged, never a rejected idea.
 * @example const { left, right } = await nextPair(ctx, actor, 'chl_…')
 */
export async function nextPair(ctx: AppContext, actor: Actor | null, challengeId: string, random: () => number = Math.random) {
  const { challenge, isHost } = await viewChallenge(ctx.db, challengeId, actor);
  assertVotingOpen(challenge, ctx.clock.now(), 'compare');
  const ranking = await rankChallenge(ctx.db, challenge.id);
  const candidates = ranking.order.filter((id) => ranking.byId.get(id)!.status !== 'rejected');
  if (candidates.length < 2)
    throw conflict('not_enough_ideas', 'This challenge needs at least two ideas to compare.', { ideas: candidates.length });
  const judged = new Set<string>();
  if (actor) for (const r of await selectPairsJudgedBy(ctx.db, challenge.id, actor.userId)) judged.add(pairKey(r.a, r.b));
  const picked = pickPair(
    candidates.map((id) => {
      const r = ranking.byId.get(id)!;
      return { comparisons: r.comparisons, logStrength: r.logStrength };
    }),
    random,
    { exclude: (i, j) => judged.has(pairKey(candidates[i]!, candidates[j]!)) },
  );
  if (!picked)
    throw conflict('no_pair_left', 'You have compared every pair of ideas in this challenge: thank you!', { ideas: candidates.length });
  const ids = [candidates[picked[0]]!, candidates[picked[1]]!];
  const rows = await selectIdeas(ctx.db, ids);
  const shown = await presentIdeas(
    ctx.db,
    ids.map((id) => rows.find((r) => r.id === id)!),
    actor,
    isHost,
  );
  return { left: shown[0]!, right: shown[1]! };
}

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
