import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { answerVotes, answers, questionVotes, questions } from '../../db/schema/knowledge.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { answerNotFound, questionNotFound, viewAnswer, viewQuestion } from './access.js';
import { reputationForVote } from './reputation.js';

const ownPost = (what: string) => conflict('own_post', `You cannot vote on your own ${what}.`);

/**
 * Sets the caller's vote on a question: 1 (up), -1 (down) or null (take it back). The score and the author's
 * reputation follow (see REPUTATION_RULES).
 * @example await voteQuestion(ctx, actor, 'qst_…', 1) // { id, value: 1, score: 3 }
 */
export async function voteQuestion(ctx: AppContext, actor: Actor, id: string, value: 1 | -1 | null) {
  const { question } = await viewQuestion(ctx.db, id, actor);
  // Why: a vote on one's own post would be free reputation.
  if (question.authorId === actor.userId) throw ownPost('question');
  return ctx.db.transaction(async (tx) => {
    // The post's row lock serializes votes on it, so the score and the reputation stay in step.
    const [locked] = await tx.select({ score: questions.score }).from(questions).where(eq(questions.id, question.id)).for('update');
    if (!locked) throw questionNotFound();
    const mine = and(eq(questionVotes.questionId, question.id), eq(questionVotes.userId, actor.userId));
    const [existing] = await tx.select({ value: questionVotes.value }).from(questionVotes).where(mine);
    const from = existing?.value ?? 0;
    const to = value ?? 0;
    if (from === to) return { id: question.id, value, score: locked.score };
    if (to === 0) await tx.delete(questionVotes).where(mine);
    else if (from === 0)
      await tx.insert(questionVotes).values({ questionId: question.id, userId: actor.userId, value: to, createdAt: ctx.clock.now() });
    else await tx.update(questionVotes).set({ value: to }).where(mine);
    const [row] = await tx
      .update(questions)
      .set({ score: sql`${questions.score} + ${to - from}` })
      .where(eq(questions.id, question.id))
      .returning({ score: questions.score });
    await reputationForVote(tx, 'question', question.id, question.authorId, from, to);
    return { id: question.id, value, score: row!.score };
  });
}

/**
 * Sets the caller's vote on an answer: 1, -1, or null to take it back.
 * @example await voteAnswer(ctx, actor, 'ans_…', -1)
 */
export async function voteAnswer(ctx: AppContext, actor: Actor, id: string, value: 1 | -1 | null) {
  const { answer } = await viewAnswer(ctx.db, id, actor);
  // Why: a vote on one's own post would be free reputation.
  if (answer.authorId === actor.userId) throw ownPost('answer');
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select({ score: answers.score }).from(answers).where(eq(answers.id, answer.id)).for('update');
    if (!locked) throw answerNotFound();
    const mine = and(eq(answerVotes.answerId, answer.id), eq(answerVotes.userId, actor.userId));
    const [existing] = await tx.select({ value: answerVotes.value }).from(answerVotes).where(mine);
    const from = existing?.value ?? 0;
    const to = value ?? 0;
    if (from === to) return { id: answer.id, value, score: locked.score };
    if (to === 0) await tx.delete(answerVotes).where(mine);
    else if (from === 0)
      await tx.insert(answerVotes).values({ answerId: answer.id, userId: actor.userId, value: to, createdAt: ctx.clock.now() });
    else await tx.update(answerVotes).set({ value: to }).where(mine);
    const [row] = await tx
      .update(answers)
      .set({ score: sql`${answers.score} + ${to - from}` })
      .where(eq(answers.id, answer.id))
      .returning({ score: answers.score });
    await reputationForVote(tx, 'answer', answer.id, answer.authorId, from, to);
    return { id: answer.id, value, score: row!.score };
  });
}
