// The questions-and-answers module's share of a personal-data export. Nothing is removed on erasure: questions
// and answers stay under "Deleted account", votes keep counting.
import type { Executor } from '../../db/client.js';
import { selectAnswersBy, selectQuestionsBy, selectVotesBy } from './queries.js';

/**
 * A person's questions, answers and votes on both.
 * @example await exportPersonalData(db, userId) // { questions, answers, questionVotes, answerVotes }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const asked = await selectQuestionsBy(db, userId);
  const answered = await selectAnswersBy(db, userId);
  const qVotes = await selectVotesBy(db, 'question', userId);
  const aVotes = await selectVotesBy(db, 'answer', userId);
  return { questions: asked, answers: answered, questionVotes: qVotes, answerVotes: aVotes };
}
