// The surveys module's share of a personal-data export: a person's responses with their answers. Responses stay on
// erasure (results keep counting them) under the account's id, which no longer leads to a name.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyAnswers, surveyResponses, surveys } from '../../db/schema/surveys.js';
import { loadQuestions } from './access.js';
import { decodeAnswer } from './questions.js';

/**
 * A person's survey responses (signed-in answers; anonymous ones are not linked to anybody), each answer decoded
 * as it was given.
 * @example await exportPersonalData(db, userId) // { surveyResponses: [{ surveyId, surveyTitle, answers: [{ question, value }] }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const responses = await db
    .select({ r: surveyResponses, title: surveys.title, projectId: surveys.projectId })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.userId, userId))
    .orderBy(asc(surveyResponses.createdAt));
  const out = [];
  for (const { r, title, projectId } of responses) {
    const questions = await loadQuestions(db, r.surveyId);
    const rows = questions.length
      ? await db
          .select()
          .from(surveyAnswers)
          .where(
            and(
              eq(surveyAnswers.responseSeq, r.seq),
              inArray(
                surveyAnswers.questionSeq,
                questions.map((q) => q.seq),
              ),
            ),
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
