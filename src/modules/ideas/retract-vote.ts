import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { assertVotingOpen, viewIdea } from './access.js';
import { presentVote } from './present.js';
import { deleteVote, lockVoter } from './vote-queries.js';

/**
 * Takes a person's vote back (in the voting phase), giving the vote back to their budget. Taking back a vote
 * that does not exist answers the same state.
 * @example await retractVote(ctx, actor, 'ide_…') // { value: null, votes, budget }
 */
export async function retractVote(ctx: AppContext, actor: Actor, ideaId: string) {
  const { idea, challenge } = await viewIdea(ctx.db, ideaId, actor);
  assertVotingOpen(challenge, ctx.clock.now(), 'vote');
  return ctx.db.transaction(async (tx) => {
    await lockVoter(tx, challenge.id, actor.userId);
    await deleteVote(tx, idea.id, actor.userId);
    return presentVote(tx, challenge, idea.id, actor.userId, null);
  });
}
