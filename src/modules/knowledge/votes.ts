import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { answerNotFound, questionNotFound, viewAnswer, viewQuestion } from './access.js';
import { addToScore, lockPostScore, type Post, selectVote, writeVote } from './queries.js';
import { reputationForVote } from './reputation.js';

/**
 * Sets the caller's vote on a question: 1 (up), -1 (down) or null (take it back). The score and the author's
 * reputation follow (see REPUTATION_RULES).
 * @example await voteQuestion(ctx, actor, 'qst_…', 1) // { id, value: 1, score: 3 }
 */
export async function voteQuestion(ctx: AppContext, actor: Actor, id: string, value: 1 | -1 | null) {
  const { question } = await viewQuestion(ctx.db, id, actor);
  return vote(ctx, actor, 'question', question, value);
}

/**
 * Sets the caller's vote on an answer: 1, -1, or null to take it back.
 * @example await voteAnswer(ctx, actor, 'ans_…', -1)
 */
export async function voteAnswer(ctx: AppContext, actor: Actor, id: string, value: 1 | -1 | null) {
  const { answer } = await viewAnswer(ctx.db, id, actor);
  return vote(ctx, actor, 'answer', answer, value);
}

/** The vote itself, the same on both kinds of post (the caller has checked that the actor may see it). */
async function vote(ctx: AppContext, actor: Actor, post: Post, target: { id: string; authorId: string }, value: 1 | -1 | null) {
  // Why: a vote on one's own post would be free reputation.
  if (target.authorId === actor.userId) throw conflict('own_post', `You cannot vote on your own ${post}.`);
  return ctx.db.transaction(async (tx) => {
    // The post's row lock serializes votes on it, so the score and the reputation stay in step.
    const score = await lockPostScore(tx, post, target.id);
    if (score === undefined) throw post === 'question' ? questionNotFound() : answerNotFound();
    const from = (await selectVote(tx, post, target.id, actor.userId)) ?? 0;
    const to = value ?? 0;
    if (from === to) return { id: target.id, value, score };
    await writeVote(tx, post, target.id, actor.userId, from, to, ctx.clock.now());
    const newScore = await addToScore(tx, post, target.id, to - from);
    await reputationForVote(tx, post, target.id, target.authorId, from, to);
    return { id: target.id, value, score: newScore };
  });
}
