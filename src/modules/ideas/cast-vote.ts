import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { conflict, notFound } from '../../lib/errors.js';
import { assertVotingOpen, viewIdea } from './access.js';
import { shareLockIdeas } from './idea-queries.js';
import { budgetOf, presentVote } from './present.js';
import { insertVote, lockVoter, selectVote, updateVote } from './vote-queries.js';

/** Up (1) or down (-1). */
export const ZVoteRequest = z.object({ value: z.union([z.literal(1), z.literal(-1)], { message: 'must be 1 or -1' }) });

/** Locks the idea against a concurrent merge and checks it is still a live idea. */
async function lockLiveIdea(tx: Executor, id: string) {
  const [row] = await shareLockIdeas(tx, [id]);
  if (!row) throw notFound('idea');
  if (row.mergedIntoId) {
    throw conflict('idea_merged', 'This idea was merged into another one: vote on that one.', { mergedIntoId: row.mergedIntoId });
  }
}

/**
 * Casts (or changes) a person's up or down vote on an idea, in the voting phase and within their budget:
 * each idea voted on, up or down, uses one vote of the challenge's `votesPerPerson`; changing a vote costs nothing.
 * @example await castVote(ctx, actor, 'ide_…', 1) // { created: true, answer: { value: 1, votes, budget } }
 */
export async function castVote(ctx: AppContext, actor: Actor, ideaId: string, value: 1 | -1) {
  const { idea, challenge } = await viewIdea(ctx.db, ideaId, actor);
  // Why: a vote on one's own idea would let every author push their idea up.
  if (idea.authorId === actor.userId) throw conflict('own_idea', 'You cannot vote on your own idea.');
  assertVotingOpen(challenge, ctx.clock.now(), 'vote');
  return ctx.db.transaction(async (tx) => {
    await lockLiveIdea(tx, idea.id);
    await lockVoter(tx, challenge.id, actor.userId);
    const existing = await selectVote(tx, idea.id, actor.userId);
    if (existing !== null) {
      if (existing !== value) await updateVote(tx, idea.id, actor.userId, value);
      return { created: false, answer: await presentVote(tx, challenge, idea.id, actor.userId, value) };
    }
    const budget = await budgetOf(tx, challenge, actor.userId);
    if (budget.remaining !== null && budget.remaining <= 0) {
      throw conflict(
        'vote_budget_exhausted',
        `You have used all ${budget.limit} of your votes in this challenge: take one back from another idea to vote on this one.`,
        budget,
      );
    }
    await insertVote(tx, { ideaId: idea.id, userId: actor.userId, challengeId: challenge.id, value, createdAt: ctx.clock.now() });
    return { created: true, answer: await presentVote(tx, challenge, idea.id, actor.userId, value) };
  });
}
