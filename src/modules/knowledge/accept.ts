import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { questionNotFound, viewAnswer } from './access.js';
import { lockQuestion, selectAnswer, updateAcceptedAnswer } from './queries.js';
import { reputationForAccept } from './reputation.js';

/**
 * Accepts an answer (the question's author), or with `accept: false` takes the acceptance back. Accepting another
 * answer moves the acceptance (and its reputation) from the previous one. The answer's author is told.
 * @example await setAccepted(ctx, actor, 'ans_…', true) // 'qst_…'
 */
export async function setAccepted(ctx: AppContext, actor: Actor, answerId: string, accept: boolean): Promise<string> {
  const { answer, question } = await viewAnswer(ctx.db, answerId, actor);
  // Why: only the person who asked knows which answer solved their problem.
  if (question.authorId !== actor.userId) throw new DomainError('forbidden', 'Only the author of the question can accept an answer.');
  await ctx.db.transaction(async (tx) => {
    const q = await lockQuestion(tx, question.id);
    if (!q) throw questionNotFound();
    const current = q.acceptedAnswerId;
    if (!accept) {
      if (current !== answer.id) throw conflict('answer_not_accepted', 'This answer is not the accepted one.');
      await updateAcceptedAnswer(tx, q.id, null);
      await reputationForAccept(tx, answer.id, answer.authorId, q.authorId, true);
      return;
    }
    if (current === answer.id) return;
    if (current) {
      const previous = await selectAnswer(tx, current);
      if (previous) await reputationForAccept(tx, previous.id, previous.authorId, q.authorId, true);
    }
    await updateAcceptedAnswer(tx, q.id, answer.id);
    await reputationForAccept(tx, answer.id, answer.authorId, q.authorId, false);
    if (answer.authorId !== actor.userId) {
      await notify(tx, {
        userIds: [answer.authorId],
        kind: 'answer_accepted',
        subject: `question:${q.id}`,
        data: { title: q.title, answerId: answer.id, link: `/questions/${q.id}` },
      });
    }
  });
  return question.id;
}
