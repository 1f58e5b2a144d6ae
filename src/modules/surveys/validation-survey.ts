import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyQuestions, surveys } from '../../db/schema/surveys.js';
import { DomainError } from '../../lib/errors.js';
import type { Survey } from './access.js';

/**
 * For the validation panel: the survey asked for, else the latest opened survey with an intent or a price question.
 * @example await validationSurvey(db, project.id) // a Survey or null
 */
export async function validationSurvey(db: Executor, projectId: string, surveyId?: string): Promise<Survey | null> {
  if (surveyId) {
    const [s] = await db
      .select()
      .from(surveys)
      .where(and(eq(surveys.id, surveyId), eq(surveys.projectId, projectId)))
      .limit(1);
    if (!s) throw new DomainError('survey_not_found', 'No survey with this id on this project.', { field: 'querystring.surveyId' });
    return s;
  }
  const [s] = await db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.projectId, projectId),
        inArray(surveys.status, ['open', 'closed']),
        sql`EXISTS (SELECT 1 FROM ${surveyQuestions} q WHERE q.survey_id = ${surveys.id} AND (q.intent OR q.kind = 'price'))`,
      ),
    )
    .orderBy(desc(surveys.openedAt), desc(surveys.id))
    .limit(1);
  return s ?? null;
}
