// The surveys module's share of a personal-data export: a person's responses with their answers. Responses stay on
// erasure (results keep counting them) under the account's id, which no longer leads to a name.
import type { Executor } from '../../db/client.js';
import { loadQuestions } from './access.js';
import { decodeAnswer } from './questions.js';
import { selectAnswersOfResponseTo, selectResponsesOfUser } from './response-queries.js';

/**
 * A person's survey responses (signed-in answers; anonymous ones are not linked to anybody), each answer decoded
 * as it was given.
 * @example await exportPersonalData(db, userId) // { surveyResponses: [{ surveyId, surveyTitle, answers: [{ question, value }] }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const out = [];
  for (const { response: r, title, projectId } of await selectResponsesOfUser(db, userId)) {
    const questions = await loadQuestions(db, r.surveyId);
    const rows = questions.length
      ? await selectAnswersOfResponseTo(
          db,
          r.seq,
          questions.map((q) => q.seq),
        )
      : [];
    out.push({
      id: r.id,
      surveyId: r.surveyId,
      surveyTitle: title,
      projectId,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      answers: questions.map((q) => ({
        questionId: q.id,
        question: q.prompt,
        value: decodeAnswer(
          q,
          rows.filter((a) => a.questionSeq === q.seq),
        ),
      })),
    });
  }
  return { surveyResponses: out };
}
