import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../notifications/service.js';
import { questionNotFound, viewAnswer, viewQuestion } from './access.js';
import { presentOneAnswer } from './present.js';
import { incrementAnswersCount, insertAnswer, updateAnswerBody } from './queries.js';

/**
 * Answers a question (anyone signed in who can see it); its author is told.
 * @example const answer = await answerQuestion(ctx, actor, 'qst_…', 'Yes: down to −10 °C.')
 */
export async function answerQuestion(ctx: AppContext, actor: Actor, questionId: string, body: string) {
  const { question } = await viewQuestion(ctx.db, questionId, actor);
  const id = newId('ans');
  const now = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertAnswer(tx, {
      id,
      questionId: question.id,
      projectId: question.projectId,
      authorId: actor.userId,
      body,
      createdAt: now,
      updatedAt: now,
    });
    const q = await incrementAnswersCount(tx, question.id, now);
    if (!q) throw questionNotFound();
    if (question.authorId !== actor.userId) {
      await notify(tx, {
        userIds: [question.authorId],
        kind: 'question_answered',
        subject: `question:${question.id}`,
        data: { title: question.title, answerId: id, link: `/questions/${question.id}` },
      });
    }
    return { row, q };
  });
  return presentOneAnswer(ctx.db, created.row, created.q, actor);
}

/**
 * Edits an answer: its author, or a host of its project (an operator site-wide).
 * @example await editAnswer(ctx, actor, 'ans_…', 'Better wording')
 */
export async function editAnswer(ctx: AppContext, actor: Actor, id: string, body: string) {
  const { answer, question, canModerate } = await viewAnswer(ctx.db, id, actor);
  // Why: an answer's words are its author's; the hosts (operators site-wide) may correct them.
  if (answer.authorId !== actor.userId && !canModerate) throw new DomainError('forbidden', 'Only the author of this answer can edit it.');
  const row = await updateAnswerBody(ctx.db, answer.id, body, ctx.clock.now());
  return presentOneAnswer(ctx.db, row, question, actor);
}
